package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.console.ConsoleClient;
import org.outward.console.Role;

/**
 * The console's statistics count what the embedded James judged: a canvass list and a password sent by a volunteer
 * (both blocked), and a clean note from the policy's data team (passed), each over SMTP; the page and its CSV, read
 * by a DPO over HTTP, show them by verdict, rule, sender group and sender, from the gateway's own audit file.
 */
class StatisticsEndToEndTest {

    private static final String DATA_OFFICER = "data.officer@party.example";

    @TempDir
    static Path work;

    static ConsoleGateway on;

    @BeforeAll
    static void judgeThreeMessages() throws Exception {
        on = new ConsoleGateway(work);
        on.sendCanvass("Canvass returns");
        MailClient.submit(on.gateway.smtpPort(), AuditTrailEndToEndTest.raw(MailClient.message(ConsoleGateway.SENDER,
                ConsoleGateway.OUTSIDE, "The spreadsheet", "Hi Alex,\n\nThe password is Kettle-Harbour-42\n\nSam\n")),
                ConsoleGateway.SENDER, ConsoleGateway.OUTSIDE);
        on.webAdmin.awaitKeys("outward-blocked", 2, Duration.ofSeconds(30));
        MailClient.submit(on.gateway.smtpPort(), AuditTrailEndToEndTest.raw(MailClient.message(DATA_OFFICER,
                ConsoleGateway.OUTSIDE, "Saturday", "Hi Alex,\n\nSee you at the leaflet run.\n")),
                DATA_OFFICER, ConsoleGateway.OUTSIDE);
        Mailboxes.await(on.outside, ConsoleGateway.OUTSIDE, m -> {
            try {
                return "Saturday".equals(m.getSubject());
            } catch (javax.mail.MessagingException e) {
                return false;
            }
        });
        // The block notices are the gateway's own mail, judged too: counted once they have gone.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Mailboxes.of(on.outside, ConsoleGateway.SENDER).length < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        if (on != null) {
            on.close();
        }
    }

    /** Decisions the gateway wrote: the three, and any on its own notices. */
    private static long decisionsInTheTrail() throws Exception {
        return on.audit().stream().filter(line -> line.contains("\"event\":\"decision\"")).count();
    }

    @Test
    void theMailJudgedByJamesIsCountedByVerdictRuleGroupAndSender() throws Exception {
        ConsoleClient dpo = on.signedIn(Role.DPO);

        String page = dpo.get("/statistics").body();

        assertThat(page)
                .contains("<th scope=\"row\">Judged</th><td class=\"num\">" + decisionsInTheTrail() + "</td>")
                .contains("<th scope=\"row\">Blocked</th><td class=\"num\">2</td>")
                .contains("<th scope=\"row\">password-in-message</th><td class=\"num\">1 ")
                .contains("<th scope=\"row\">personal-data-unprotected</th><td class=\"num\">1 ")
                .contains("<th scope=\"row\">data-team</th><td class=\"num\">1</td><td class=\"num\">0</td>")
                .contains("<th scope=\"row\">" + ConsoleGateway.SENDER + "</th><td class=\"num\">2</td><td class=\"num\">0</td>")
                .doesNotContain("(not recorded")
                .doesNotContain("Kettle-Harbour-42").doesNotContain("Predovic");
        assertThat(on.audit()).anyMatch(line -> line.contains("\"sender\":\"" + DATA_OFFICER + "\",\"senderGroups\":[\"data-team\"]"));
    }

    @Test
    void theCsvHoldsTheSameFigures() throws Exception {
        HttpResponse<String> csv = on.signedIn(Role.DPO).get("/statistics.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("total,,block,2\r\n").contains("group,data-team,pass,1\r\n")
                .contains("sender," + ConsoleGateway.SENDER + ",block,2\r\n").contains("trail,,unreadable-lines,0\r\n");
    }
}
