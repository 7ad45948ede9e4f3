package org.outward.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.audit.AuditKind;
import org.outward.portal.TestClock;

/**
 * The statistics page and its CSV over real HTTP, counted from an audit file written by the audit trail's writer:
 * the figures of the period asked, in English and Welsh; a sender or rule that carries markup shown as text; a DPO
 * who sees it all and changes nothing; a broken line counted, not fatal. WebAdmin is not used here.
 */
class StatisticsPageTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T12:00:00Z"));
    private final String adminSecret = Totp.newSecret();
    private final String dpoSecret = Totp.newSecret();
    private Path audit;
    private Console console;

    @BeforeEach
    void start() throws Exception {
        audit = folder.resolve("outward-audit.jsonl");
        TrailWriter write = new TrailWriter(audit);
        write.decision("2026-11-20T10:00:00Z", "long.ago@party.example", List.of(), "block", "personal-data-unprotected");
        write.decision("2026-12-02T10:00:00Z", "sam.volunteer@party.example", List.of(), "block", "personal-data-unprotected");
        write.decision("2026-12-02T11:00:00Z", "sam.volunteer@party.example", List.of(), "quarantine", "not-fully-inspected");
        write.decision("2026-12-03T09:00:00Z", "data.officer@party.example", List.of("data-team"), "wrap",
                "data-team-secure-link");
        write.decision("2026-12-04T09:00:00Z", "<script>alert(1)</script>@party.example", List.of(), "block",
                "<b>bold-rule</b>", "personal-data-unprotected");
        write.decision("2026-12-06T09:00:00Z", "kim@party.example", List.of(), "pass");
        write.broken();
        UsersFile users = new UsersFile(folder.resolve("users"));
        users.put(new Account("admin", Role.ADMIN, PasswordHash.of(PASSWORD.toCharArray()), adminSecret));
        users.put(new Account("dpo", Role.DPO, PasswordHash.of(PASSWORD.toCharArray()), dpoSecret));
        console = Console.start(ConsoleConfig.local(0, URI.create("http://127.0.0.1:9"), Optional.empty(), users.path(),
                Optional.of(audit)), clock);
    }

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
    }

    private ConsoleClient signedIn(String name, String secret) throws Exception {
        clock.advance(Duration.ofSeconds(30));
        ConsoleClient client = new ConsoleClient(console.port());
        assertThat(client.signIn(name, PASSWORD, Totp.code(secret, clock.instant())).statusCode()).isEqualTo(303);
        return client;
    }

    @Test
    void anAdminSeesTheLastSevenDaysByVerdictDayRuleGroupAndSender() throws Exception {
        ConsoleClient admin = signedIn("admin", adminSecret);

        HttpResponse<String> response = admin.get("/statistics");

        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        assertThat(page).contains("<h1>Statistics</h1>")
                .contains("Messages judged from 2026-12-01 to 2026-12-07, by verdict")
                .contains("<th scope=\"row\">Judged</th><td class=\"num\">5</td>")
                .contains("<th scope=\"row\">Blocked</th><td class=\"num\">2</td>")
                .contains("<th scope=\"row\">Held (quarantined)</th><td class=\"num\">1</td>")
                .contains("<th scope=\"row\">Secure link (wrapped)</th><td class=\"num\">1</td>")
                .contains("<th scope=\"row\">Passed</th><td class=\"num\">1</td>")
                .contains("<th scope=\"row\" class=\"nowrap\">2026-12-02</th><td class=\"num\">2 <span class=\"bar w100\" aria-hidden=\"true\"></span></td>")
                .contains("<th scope=\"row\" class=\"nowrap\">2026-12-05</th><td class=\"num\">0</td>")
                .contains("<th scope=\"row\">personal-data-unprotected</th><td class=\"num\">2 <span class=\"bar w100\"")
                .contains("<th scope=\"row\">data-team</th><td class=\"num\">1</td>")
                .contains("<th scope=\"row\">sam.volunteer@party.example</th><td class=\"num\">1</td><td class=\"num\">1</td>")
                .contains("1 line(s) of the audit trail in this period could not be read")
                .contains("href=\"/statistics.csv?period&#x3D;7d\"")
                .doesNotContain("long.ago@party.example")
                .doesNotContain("R***** P*******");
        assertThat(page.indexOf("personal-data-unprotected")).isLessThan(page.indexOf("data-team-secure-link"));
    }

    @Test
    void aSenderOrRuleCarryingMarkupIsShownAsText() throws Exception {
        String page = signedIn("admin", adminSecret).get("/statistics").body();

        assertThat(page).doesNotContain("<script>").doesNotContain("<b>bold-rule</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;@party.example")
                .contains("&lt;b&gt;bold-rule&lt;/b&gt;");
    }

    @Test
    void thePeriodCanBeThirtyDaysOrChosenAndAWrongOneIsSaidSo() throws Exception {
        ConsoleClient admin = signedIn("admin", adminSecret);

        assertThat(admin.get("/statistics?period=30d").body()).contains("long.ago@party.example")
                .contains("Messages judged from 2026-11-08 to 2026-12-07");
        String custom = admin.get("/statistics?period=custom&from=2026-12-03&to=2026-12-04").body();
        assertThat(custom).contains("<th scope=\"row\">Judged</th><td class=\"num\">2</td>")
                .doesNotContain("sam.volunteer@party.example")
                .contains("href=\"/statistics.csv?period&#x3D;custom&amp;from&#x3D;2026-12-03&amp;to&#x3D;2026-12-04\"");
        HttpResponse<String> backwards = admin.get("/statistics?period=custom&from=2026-12-04&to=2026-12-03");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("The first date comes after the last.");
        assertThat(admin.get("/statistics?period=custom&from=yesterday&to=2026-12-03").statusCode()).isEqualTo(400);
        assertThat(admin.get("/statistics?period=custom&from=2020-01-01&to=2026-12-03").body())
                .contains("longer than two years");
    }

    @Test
    void theCsvIsADownloadOfTheSameFigures() throws Exception {
        HttpResponse<String> csv = signedIn("dpo", dpoSecret).get("/statistics.csv?period=7d");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"outward-statistics-2026-12-01-to-2026-12-07.csv\"");
        assertThat(csv.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(csv.body()).startsWith("section,item,measure,value\r\n").contains("total,,judged,5\r\n")
                .contains("sender,sam.volunteer@party.example,block,1\r\n").contains("trail,,unreadable-lines,1\r\n");
    }

    @Test
    void theWelshPageIsInWelsh() throws Exception {
        String page = signedIn("admin", adminSecret).get("/statistics?lang=cy").body();

        assertThat(page).contains("<html lang=\"cy\">").contains("<h1>Ystadegau</h1>")
                .contains("<th scope=\"row\">Wedi&#39;u hatal</th><td class=\"num\">2</td>")
                .contains("Yn ôl grŵp anfonwyr").doesNotContain("By sender group");
    }

    @Test
    void aDpoSeesTheStatisticsAndNothingOnThemChangesAnything() throws Exception {
        ConsoleClient dpo = signedIn("dpo", dpoSecret);
        byte[] trailAfterSignIn = Files.readAllBytes(audit);

        String page = dpo.get("/statistics").body();
        dpo.get("/statistics?period=custom&from=2026-12-01&to=2026-12-07&lang=cy");

        assertThat(page).contains("sam.volunteer@party.example").doesNotContain("method=\"post\" action=\"/statistics");
        assertThat(page.replaceAll("(?s)<header>.*?</header>", "")).doesNotContain("method=\"post\"");
        assertThat(dpo.post("/statistics", Map.of("period", "7d")).statusCode()).isEqualTo(403);
        assertThat(Files.readAllBytes(audit)).as("the trail after looking").isEqualTo(trailAfterSignIn);
    }

    @Test
    void aCsvDownloadTakesSenderAddressesAwayAndIsAnAuditEvent() throws Exception {
        ConsoleClient dpo = signedIn("dpo", dpoSecret);
        long linesBefore = Files.readAllLines(audit).size();

        assertThat(dpo.get("/statistics.csv?period=30d").statusCode()).isEqualTo(200);
        assertThat(dpo.get("/statistics.csv?period=custom&from=2026-12-04&to=2026-12-03").statusCode())
                .as("a refused period downloads nothing").isEqualTo(400);

        List<String> added = Files.readAllLines(audit).subList((int) linesBefore, Files.readAllLines(audit).size());
        assertThat(added).hasSize(1);
        assertThat(added.get(0)).contains("\"event\":\"export\"").contains("\"actor\":\"dpo\"")
                .contains("\"what\":\"statistics\"").contains("\"from\":\"2026-11-08\"")
                .contains("\"to\":\"2026-12-07\"").contains("\"senders\":3")
                .doesNotContain("sam.volunteer@party.example");
    }

    @Test
    void withoutAnAuditFileThePageSaysWhatIsMissing() throws Exception {
        console.close();
        UsersFile users = new UsersFile(folder.resolve("users"));
        console = Console.start(ConsoleConfig.local(0, URI.create("http://127.0.0.1:9"), Optional.empty(), users.path(),
                Optional.empty()), clock);
        HttpResponse<String> response = signedIn("admin", adminSecret).get("/statistics");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("No audit trail configured");
    }

    @Test
    void everyKindOfEventTheTrailKnowsHasItsWordsInEnglishAndWelsh() throws Exception {
        for (String language : List.of("en", "cy")) {
            Properties words = new Properties();
            try (Reader in = new InputStreamReader(Objects.requireNonNull(getClass().getResourceAsStream(
                    "/org/outward/console/messages_" + language + ".properties")), StandardCharsets.UTF_8)) {
                words.load(in);
            }
            for (AuditKind kind : AuditKind.values()) {
                if (kind != AuditKind.DECISION) {
                    assertThat(words.getProperty("stat_event_" + kind.word())).as(language + " " + kind).isNotBlank();
                }
            }
        }
    }
}
