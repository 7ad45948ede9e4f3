package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mailets of one server enforce one policy: after an edit that loads and a later edit that does not, every mailet
 * reading the same policy file goes on with the last good version, not each with the last version it happened to see.
 * The mailets are made as James's mailet test harness and a container without injection make them.
 */
class OnePolicyPerServerTest {

    private static final String POLICY = DeleteHeldTest.POLICY.replace("LANGUAGE", "en");

    @TempDir
    Path temp;

    @Test
    void aBrokenEditLeavesEveryMailetWithTheLastGoodPolicy() throws Exception {
        Path policy = temp.resolve("policy.yaml");
        write(policy, POLICY.replace("TELL", "false"), 1);
        FakeMailContext context = FakeMailContext.builder()
                .postmaster(new MailAddress("postmaster@gateway.outward.invalid")).build();
        Inspect inspect = new Inspect();
        inspect.init(FakeMailetConfig.builder().mailetName("Inspect").mailetContext(context)
                .setProperty("policy", policy.toString()).setProperty("policyReloadSeconds", "0")
                .setProperty("stateFolder", temp.resolve("state").toString()).setProperty("parserProcesses", "0").build());
        DeleteHeld deleteHeld = new DeleteHeld();
        deleteHeld.init(FakeMailetConfig.builder().mailetName("DeleteHeld").mailetContext(context)
                .setProperty("policy", policy.toString()).build());

        // The admin's edit loads, and the inspection point is the first to use it.
        write(policy, POLICY.replace("TELL", "true"), 2);
        inspect.service(FakeMail.builder().name("m1").sender("sam@party.example").recipient("alex@example.org")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Leaflets").setText("Saturday at ten."))
                .build());
        // The next edit is broken: the policy in force stays the admin's first edit, for every mailet.
        write(policy, "version: 1\nrules: [{id: a, when: {finding: password}, action: blok}]\n", 3);
        deleteHeld.service(BlockedCanvass.held("sam@party.example", "en"));

        assertThat(context.getSentMails()).as("the sender of the deleted mail is told, as the edit in force says")
                .singleElement().satisfies(sent -> assertThat(sent.getRecipients())
                        .containsExactly(new MailAddress("sam@party.example")));
        inspect.destroy();
    }

    /** Each version gets its own modification time, as edits minutes apart would. */
    private static void write(Path file, String text, int version) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version * 60L)));
    }
}
