package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.console.ConsoleClient;
import org.outward.console.Role;

/**
 * A held mail an admin deleted is never delivered, even on a gateway whose {@code outward-deleted} processor is
 * wrong: one that sends the mail on after DeleteHeld (the released processor's shape, copied by mistake), and an
 * existing server that never got the processor (the console upgraded before the gateway's configuration). The
 * console deletes through the real WebAdmin; GreenMail, the outside world, must receive nothing for the recipient.
 */
class DeletedMailFailsClosedTest {

    private static final String PROCESSOR_START = "<processor state=\"outward-deleted\"";

    @TempDir
    Path temp;

    @Test
    void aDeletedProcessorThatSendsOnAfterDeleteHeldStillSendsNothing() throws Exception {
        Path config = configWithDeletedProcessor("""
                <processor state="outward-deleted" enableJmx="false">
                    <mailet match="All" class="org.outward.james.DeleteHeld"/>
                    <mailet match="All" class="ToProcessor"><processor>outbound</processor></mailet>
                </processor>""");

        try (ConsoleGateway on = new ConsoleGateway(temp.resolve("work"), Optional.of(config))) {
            String key = deleteOneCanvass(on);

            Mailboxes.await(on.outside, ConsoleGateway.SENDER, m -> subjectStarts(m, "Deleted: "));
            Thread.sleep(2000);
            assertThat(Mailboxes.of(on.outside, ConsoleGateway.OUTSIDE)).isEmpty();
            assertThat(on.webAdmin.keys("outward-blocked")).doesNotContain(key);
        }
    }

    @Test
    void aGatewayWithoutTheDeletedProcessorKeepsTheMailInItsErrorRepositoryAndSendsNothing() throws Exception {
        Path config = configWithDeletedProcessor("");

        try (ConsoleGateway on = new ConsoleGateway(temp.resolve("work"), Optional.of(config))) {
            String key = deleteOneCanvass(on);

            on.webAdmin.awaitKeys("error", 1, Duration.ofSeconds(30));
            Thread.sleep(2000);
            assertThat(Mailboxes.of(on.outside, ConsoleGateway.OUTSIDE)).isEmpty();
            assertThat(Mailboxes.of(on.outside, ConsoleGateway.SENDER)).noneMatch(m -> subjectStarts(m, "Deleted"));
            assertThat(on.webAdmin.keys("outward-blocked")).doesNotContain(key);
        }
    }

    /** Blocks a canvass list, deletes it in the console as an admin; its key. */
    private static String deleteOneCanvass(ConsoleGateway on) throws Exception {
        String key = on.sendCanvass("Canvass to delete");
        ConsoleClient admin = on.signedIn(Role.ADMIN);
        admin.get("/held");
        HttpResponse<String> deleted = admin.post("/held/act", Map.of("action", "delete", "reason", "Sent by mistake",
                "pick:outward-blocked/" + key, "1"));
        assertThat(deleted.statusCode()).isEqualTo(200);
        return key;
    }

    /** The built-in configuration ({@code deploy/conf}) with its outward-deleted processor replaced by this. */
    private Path configWithDeletedProcessor(String processor) throws IOException {
        Path copy = Files.createDirectories(temp.resolve("config"));
        try (var files = Files.list(Path.of("conf"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Path mailets = copy.resolve("mailetcontainer.xml");
        String xml = Files.readString(mailets);
        int start = xml.indexOf(PROCESSOR_START);
        int end = xml.indexOf("</processor>", xml.indexOf("class=\"Null\"", start)) + "</processor>".length();
        assertThat(start).as("the built-in configuration has the processor").isPositive();
        Files.writeString(mailets, xml.substring(0, start) + processor + xml.substring(end));
        return copy;
    }

    private static boolean subjectStarts(javax.mail.internet.MimeMessage message, String prefix) {
        try {
            return message.getSubject() != null && message.getSubject().startsWith(prefix);
        } catch (javax.mail.MessagingException e) {
            return false;
        }
    }
}
