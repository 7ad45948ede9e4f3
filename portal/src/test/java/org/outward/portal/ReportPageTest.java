package org.outward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.feedback.FolderReportStore;
import org.outward.feedback.ReportLinks;
import org.outward.feedback.ReportStore;
import org.outward.feedback.ReportTicket;
import org.outward.feedback.ReportToken;
import org.outward.vault.LocalDiskVault;

/**
 * The page where a sender reports a notice as wrong, through the portal's real HTTP server over a real ticket
 * folder: a GET shows and records nothing (mail scanners follow links), only a POST with the form's CSRF token
 * records, once; every link that is not the notice's own gets the same 404 and records nothing.
 */
class ReportPageTest {

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(java.time.Instant.parse("2026-12-07T10:00:00Z"));
    private ReportStore store;
    private Portal portal;
    private URI base;
    private String path;

    @BeforeEach
    void setUp() throws Exception {
        start(PortalConfig.Limits.DEFAULTS);
    }

    private void start(PortalConfig.Limits limits) throws Exception {
        if (portal != null) {
            portal.close();
        }
        store = new FolderReportStore(folder.resolve("reports"));
        PortalConfig config = PortalConfig.of("127.0.0.1", 0, URI.create("http://localhost")).withLimits(limits);
        portal = Portal.start(config, new LocalDiskVault(folder.resolve("vault"), clock),
                PortalState.inMemory(config.limits(), clock), mail -> { }, DownloadNotifier.NONE, Optional.of(store),
                clock);
        base = URI.create("http://127.0.0.1:" + portal.port());
        URI link = new ReportLinks(store, config.publicBase(), clock).issue("sam@party.example", "<m1@party.example>",
                List.of(new ReportTicket.Recipient("alex@example.org", "block")),
                List.of("special-category-unprotected", "personal-data-unprotected"),
                List.of(new ReportTicket.Finding("special-category-data", "2/canvass.csv", "canvass.csv", "none", 27,
                        "27 records with political opinion (e.g. R***** P*******, N24 6**)")));
        path = link.getPath();
    }

    @AfterEach
    void tearDown() {
        portal.close();
    }

    private HttpResponse<String> get(HttpClient browser, String at) throws Exception {
        return browser.send(java.net.http.HttpRequest.newBuilder(base.resolve(at)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient browser, String at, String form) throws Exception {
        return browser.send(java.net.http.HttpRequest.newBuilder(base.resolve(at))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String page, String comment) {
        return "csrf=" + PortalHarness.csrf(page) + "&comment=" + URLEncoder.encode(comment, StandardCharsets.UTF_8);
    }

    @Test
    void theLinkShowsWhatIsReportedAndOnlyThePostRecordsIt() throws Exception {
        HttpClient browser = PortalHarness.browser();

        HttpResponse<String> page = get(browser, path);
        get(browser, path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Report this notice as wrong").contains("special-category-unprotected")
                .contains("canvass.csv")
                .as("no evidence values on a page anyone holding the link can open")
                .doesNotContain("R***** P*******").doesNotContain("N24").doesNotContain("sam@party.example");
        assertThat(store.reported()).as("opening the link records nothing").isEmpty();

        HttpResponse<String> done = post(browser, path, form(page.body(), "Alex is our agent & needs the list"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("your report has been sent");
        assertThat(store.reported()).singleElement().satisfies(t -> {
            assertThat(t.messageId()).isEqualTo("<m1@party.example>");
            assertThat(t.report().orElseThrow().comment()).isEqualTo("Alex is our agent & needs the list");
        });
        assertThat(get(browser, path).body()).contains("You reported this notice on").doesNotContain("<textarea");
    }

    @Test
    void aSecondReportOfTheSameNoticeChangesNothing() throws Exception {
        HttpClient browser = PortalHarness.browser();
        String page = get(browser, path).body();
        post(browser, path, form(page, "first"));

        HttpResponse<String> again = post(browser, path, form(page, "second"));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(store.reported()).singleElement()
                .satisfies(t -> assertThat(t.report().orElseThrow().comment()).isEqualTo("first"));
    }

    @Test
    void aPostWithoutTheFormsTokenRecordsNothing() throws Exception {
        HttpClient browser = PortalHarness.browser();
        get(browser, path);

        assertThat(post(browser, path, "comment=x").statusCode()).isEqualTo(403);
        assertThat(post(browser, path, "csrf=forged&comment=x").statusCode()).isEqualTo(403);
        // A page of another browser: its token is bound to that browser's cookie.
        String theirs = get(PortalHarness.browser(), path).body();
        assertThat(post(browser, path, form(theirs, "x")).statusCode()).isEqualTo(403);
        assertThat(store.reported()).isEmpty();
    }

    @Test
    void forgedAlteredAndExpiredLinksGetOneAnswerAndRecordNothing() throws Exception {
        HttpClient browser = PortalHarness.browser();
        String page = get(browser, path).body();
        String token = path.substring("/r/".length());
        int at = token.length() - 5;
        String altered = "/r/" + token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        String forged = "/r/" + ReportToken.random(new SecureRandom()).encoded();

        for (String wrong : List.of(altered, forged, "/r/not-a-token", "/r/")) {
            assertThat(get(browser, wrong).statusCode()).as(wrong).isEqualTo(404);
            HttpResponse<String> refused = post(browser, wrong, form(page, "x"));
            assertThat(refused.statusCode()).as(wrong).isEqualTo(404);
            assertThat(refused.body()).contains("This link cannot be used");
        }
        clock.advance(ReportLinks.LIFETIME.plus(Duration.ofSeconds(1)));
        assertThat(get(browser, path).statusCode()).isEqualTo(404);
        assertThat(post(browser, path, form(page, "x")).statusCode()).isEqualTo(404);
        assertThat(store.reported()).isEmpty();
    }

    @Test
    void aCommentLongerThanTheLimitIsRefused() throws Exception {
        HttpClient browser = PortalHarness.browser();
        String page = get(browser, path).body();

        HttpResponse<String> refused = post(browser, path, form(page, "x".repeat(ReportPages.MAX_COMMENT + 1)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(store.reported()).isEmpty();
        assertThat(post(browser, path, form(page, "ŵ".repeat(ReportPages.MAX_COMMENT))).statusCode()).isEqualTo(200);
    }

    @Test
    void oneLinkIsAnsweredOnlySoOftenAMinute() throws Exception {
        start(PortalConfig.Limits.DEFAULTS.withRequestLimits(1000, 3));
        HttpClient browser = PortalHarness.browser();
        String page = get(browser, path).body();
        for (int i = 0; i < 2; i++) {
            assertThat(get(browser, path).statusCode()).isEqualTo(200);
        }

        // Counted per link, whoever asks: another browser is refused too.
        assertThat(get(PortalHarness.browser(), path).statusCode()).isEqualTo(429);
        assertThat(post(browser, path, form(page, "x")).statusCode()).isEqualTo(429);
        assertThat(store.reported()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(get(browser, path).statusCode()).isEqualTo(200);
    }

    @Test
    void theWelshPageIsInWelsh() throws Exception {
        HttpResponse<String> page = get(PortalHarness.browser(), path + "?lang=cy");

        assertThat(page.body()).contains("Rhoi gwybod bod yr hysbysiad hwn yn anghywir")
                .contains("Rhoi gwybod ei fod yn anghywir").doesNotContain("Report as wrong");
    }
}
