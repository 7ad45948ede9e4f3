package org.outward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.vault.Deposit;

class PortalTest {

    private static final byte[] CONTENT = "PD,ENO,Name\nKA1,12,Jane Example\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    private static String link(Deposit deposit) {
        return "/l/" + deposit.link().encoded();
    }

    /** The same token with one character of its secret changed. */
    private static String tamper(String token) {
        int at = token.length() - 5;
        return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    private static String form(String html, String more) {
        return "csrf=" + PortalHarness.csrf(html) + (more.isEmpty() ? "" : "&" + more);
    }

    @Test
    void codeByEmailThenDownload() throws Exception {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        try (PortalHarness h = new PortalHarness(folder, PortalConfig.Limits.DEFAULTS,
                new SmtpCodeSender("127.0.0.1", greenMail.getSmtp().getPort(), "secure-links@party.example"), "http")) {
            Deposit deposit = h.put("printer@example.org", CONTENT);
            HttpClient browser = PortalHarness.browser();

            HttpResponse<String> page = h.get(browser, link(deposit));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("canvass KA1 – list.csv", "agent@party.example", "p…@example.org",
                    "Download – Use – Delete");

            HttpResponse<String> codePage = h.post(browser, link(deposit) + "/code", form(page.body(), ""));
            assertThat(codePage.statusCode()).isEqualTo(200);
            assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
            MimeMessage mail = greenMail.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("printer@example.org");
            assertThat(mail.getHeader(SmtpCodeSender.KIND_HEADER)).containsExactly(SmtpCodeSender.HEADER_VALUE);
            Matcher digits = Pattern.compile("\\b(\\d{8})\\b").matcher(GreenMailUtil.getBody(mail));
            assertThat(digits.find()).isTrue();

            HttpResponse<String> verified = h.post(browser, link(deposit) + "/verify",
                    form(codePage.body(), "code=" + digits.group(1)));
            assertThat(verified.statusCode()).isEqualTo(303);
            HttpResponse<String> ready = h.get(browser, link(deposit));
            assertThat(ready.body()).contains("id=\"download\"");

            HttpResponse<byte[]> file = h.post(browser, link(deposit) + "/download", form(ready.body(), ""),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(CONTENT);
            assertThat(h.awaitNotified(1)).singleElement().extracting(info -> info.sender()).isEqualTo("agent@party.example");
            HttpResponse<byte[]> second = h.post(browser, link(deposit) + "/download", form(ready.body(), ""),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(second.body()).isEqualTo(CONTENT);
            assertThat(h.notified).hasSize(1);
            assertThat(file.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(file.headers().firstValue("Content-Disposition")).hasValue(
                    "attachment; filename=\"canvass KA1 _ list.csv\"; filename*=UTF-8''canvass%20KA1%20%E2%80%93%20list.csv");

            // The code was single use.
            HttpResponse<String> again = h.post(PortalHarness.browser(), link(deposit) + "/verify", "code=" + digits.group(1));
            assertThat(again.statusCode()).isEqualTo(403);
        } finally {
            greenMail.stop();
        }
    }

    @Test
    void namesAreEscapedOnceAndOnlyOnce() throws Exception {
        try (PortalHarness h = new PortalHarness(folder)) {
            Deposit deposit = h.vault.put(org.outward.vault.NewItem.withDefaults("o'brien@party.example", "a@example.org",
                    "<b>x&y</b>.csv", "text/csv"), new java.io.ByteArrayInputStream(CONTENT));
            String page = h.get(PortalHarness.browser(), link(deposit)).body();
            assertThat(page).contains("o&#39;brien@party.example has sent you", "&lt;b&gt;x&amp;y&lt;/b&gt;.csv")
                    .doesNotContain("<b>", "&amp;#39;", "&amp;amp;");
        }
    }

    @Test
    void wrongCodesLockTheLink() throws Exception {
        try (PortalHarness h = new PortalHarness(folder)) {
            Deposit deposit = h.put("a@example.org", CONTENT);
            HttpClient browser = PortalHarness.browser();
            String page = h.get(browser, link(deposit)).body();
            HttpResponse<String> codePage = h.post(browser, link(deposit) + "/code", form(page, ""));
            assertThat(h.sent).hasSize(1);
            assertThat(h.sent.get(0).recipient()).isEqualTo("a@example.org");
            String right = h.sent.get(0).code();
            String wrong = right.equals("00000000") ? "11111111" : "00000000";

            for (int left = 4; left >= 1; left--) {
                HttpResponse<String> tried = h.post(browser, link(deposit) + "/verify", form(codePage.body(), "code=" + wrong));
                assertThat(tried.statusCode()).isEqualTo(400);
                assertThat(tried.body()).contains("Tries left: " + left);
            }
            HttpResponse<String> fifth = h.post(browser, link(deposit) + "/verify", form(codePage.body(), "code=" + wrong));
            assertThat(fifth.statusCode()).isEqualTo(429);
            assertThat(fifth.body()).contains("locked");
            // Even the right code is refused while locked, and no new code is sent.
            assertThat(h.post(browser, link(deposit) + "/verify", form(codePage.body(), "code=" + right)).statusCode()).isEqualTo(429);
            assertThat(h.post(browser, link(deposit) + "/code", form(codePage.body(), "")).statusCode()).isEqualTo(429);
            assertThat(h.sent).hasSize(1);

            h.clock.advance(Duration.ofMinutes(16));
            assertThat(h.get(browser, link(deposit)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void expiredCodeIsRefused() throws Exception {
        try (PortalHarness h = new PortalHarness(folder)) {
            Deposit deposit = h.put("a@example.org", CONTENT);
            HttpClient browser = PortalHarness.browser();
            String page = h.get(browser, link(deposit)).body();
            h.post(browser, link(deposit) + "/code", form(page, ""));
            h.clock.advance(Duration.ofMinutes(11));
            HttpResponse<String> tried = h.post(browser, link(deposit) + "/verify", form(page, "code=" + h.sent.get(0).code()));
            assertThat(tried.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void unknownExpiredAndRevokedLinksGetTheSameAnswer() throws Exception {
        try (PortalHarness h = new PortalHarness(folder)) {
            Deposit expired = h.put("a@example.org", CONTENT);
            h.clock.advance(Duration.ofDays(8));
            Deposit revoked = h.put("b@example.org", CONTENT);
            h.vault.revoke(revoked.id(), "admin");
            Deposit unknown = new PortalHarness(folder.resolve("other")).put("c@example.org", CONTENT);

            List<String> bodies = new ArrayList<>();
            for (String path : List.of(link(expired), link(revoked), link(unknown), "/l/nonsense", "/m/nonsense",
                    "/m/" + tamper(revoked.management().encoded()))) {
                HttpClient browser = PortalHarness.browser();
                HttpResponse<String> answer = h.get(browser, path);
                assertThat(answer.statusCode()).as(path).isEqualTo(404);
                bodies.add(answer.body().replaceAll(PortalHarness.CSRF.pattern(), ""));
            }
            assertThat(bodies).allSatisfy(body -> assertThat(body).isEqualTo(bodies.get(0)));
            assertThat(bodies.get(0)).contains("This link cannot be used");
        }
    }

    @Test
    void formsWithoutTheRightCsrfTokenAreRefused() throws Exception {
        try (PortalHarness h = new PortalHarness(folder)) {
            Deposit deposit = h.put("a@example.org", CONTENT);
            HttpClient browser = PortalHarness.browser();
            h.get(browser, link(deposit));
            assertThat(h.post(browser, link(deposit) + "/code", "").statusCode()).isEqualTo(403);
            HttpClient other = PortalHarness.browser();
            String othersToken = PortalHarness.csrf(h.get(other, link(deposit)).body());
            assertThat(h.post(browser, link(deposit) + "/code", "csrf=" + othersToken).statusCode()).isEqualTo(403);
            assertThat(h.post(browser, "/m/" + deposit.management().encoded() + "/revoke", "csrf=" + othersToken)
                    .statusCode()).isEqualTo(403);
            assertThat(h.sent).isEmpty();
            assertThat(h.vault.find(deposit.id()).orElseThrow().revoked()).isFalse();
        }
    }

    @Test
    void downloadNeedsACode() throws Exception {
        try (PortalHarness h = new PortalHarness(folder)) {
            Deposit deposit = h.put("a@example.org", CONTENT);
            HttpClient browser = PortalHarness.browser();
            String page = h.get(browser, link(deposit)).body();
            HttpResponse<String> answer = h.post(browser, link(deposit) + "/download", form(page, ""));
            assertThat(answer.statusCode()).isEqualTo(303);
            assertThat(h.vault.find(deposit.id()).orElseThrow().downloads()).isZero();
        }
    }

    @Test
    void securityHeadersAndCookies() throws Exception {
        try (PortalHarness h = new PortalHarness(folder)) {
            Deposit deposit = h.put("a@example.org", CONTENT);
            HttpResponse<String> page = h.get(PortalHarness.browser(), link(deposit) + "?lang=cy");
            var headers = page.headers();
            assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
                    .contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(headers.firstValue("Cache-Control")).hasValue("no-store");
            assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(headers.allValues("Set-Cookie")).isNotEmpty().allSatisfy(cookie ->
                    assertThat(cookie).contains("HttpOnly", "SameSite=Strict").doesNotContain("Secure"));
            assertThat(page.body()).contains("lang=\"cy\"", "Lawrlwytho – Defnyddio – Dileu").doesNotContain("<script", "http://", "https://");
        }
        try (PortalHarness h = new PortalHarness(folder.resolve("tls"), PortalConfig.Limits.DEFAULTS, null, "https")) {
            HttpResponse<String> page = h.get(PortalHarness.browser(), "/");
            assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
            assertThat(page.headers().allValues("Set-Cookie")).allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
        }
    }

    @Test
    void oversizedBodiesAndOtherMethodsAreRefused() throws Exception {
        try (PortalHarness h = new PortalHarness(folder)) {
            Deposit deposit = h.put("a@example.org", CONTENT);
            HttpResponse<String> big = h.post(PortalHarness.browser(), link(deposit) + "/code", "csrf=" + "x".repeat(10_000));
            assertThat(big.statusCode()).isEqualTo(413);
            var put = PortalHarness.browser().send(java.net.http.HttpRequest.newBuilder(h.base.resolve("/"))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void senderSeesTheTrailAndRevokes() throws Exception {
        try (PortalHarness h = new PortalHarness(folder)) {
            Deposit deposit = h.put("a@example.org", CONTENT);
            HttpClient sender = PortalHarness.browser();
            String path = "/m/" + deposit.management().encoded();
            HttpResponse<String> page = h.get(sender, path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("a@example.org", "File stored", "id=\"revoke\"");
            assertThat(h.post(sender, path + "/revoke", form(page.body(), "")).statusCode()).isEqualTo(303);
            assertThat(h.get(sender, path).body()).contains("Withdrawn").doesNotContain("id=\"revoke\"");
            assertThat(h.get(PortalHarness.browser(), link(deposit)).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theSenderSeesHowOftenARepeatedEventHappened() throws Exception {
        try (PortalHarness h = new PortalHarness(folder)) {
            Deposit deposit = h.put("a@example.org", CONTENT);
            HttpClient recipient = PortalHarness.browser();
            for (int i = 0; i < 13; i++) {
                assertThat(h.get(recipient, link(deposit)).statusCode()).isEqualTo(200);
            }
            String page = h.get(PortalHarness.browser(), "/m/" + deposit.management().encoded()).body();
            assertThat(page.split("Link opened", -1)).as("ten entries kept").hasSize(11);
            assertThat(page).contains("Link opened, then 3 more times");
        }
    }

    /** A small load test on loopback: the limits hold under concurrency and nothing else breaks. */
    @Test
    void rateLimitsHoldUnderLoad() throws Exception {
        PortalConfig.Limits limits = PortalConfig.Limits.DEFAULTS.withRequestLimits(1000, 20);
        try (PortalHarness h = new PortalHarness(folder, limits, null, "http")) {
            Deposit deposit = h.put("a@example.org", CONTENT);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    calls.add(() -> h.get(PortalHarness.browser(), link(deposit)).statusCode());
                }
                int ok = 0;
                int limited = 0;
                for (Future<Integer> status : pool.invokeAll(calls, 60, java.util.concurrent.TimeUnit.SECONDS)) {
                    int code = status.get();
                    ok += code == 200 ? 1 : 0;
                    limited += code == 429 ? 1 : 0;
                }
                assertThat(ok).isEqualTo(20);
                assertThat(limited).isEqualTo(40);
                // Other links are not affected by one link's limit.
                Deposit other = h.put("b@example.org", CONTENT);
                assertThat(h.get(PortalHarness.browser(), link(other)).statusCode()).isEqualTo(200);
            } finally {
                pool.shutdownNow();
            }
        }
        PortalConfig.Limits perClient = PortalConfig.Limits.DEFAULTS.withRequestLimits(10, 1000);
        try (PortalHarness h = new PortalHarness(folder.resolve("client"), perClient, null, "http")) {
            HttpClient browser = PortalHarness.browser();
            for (int i = 0; i < 10; i++) {
                assertThat(h.get(browser, "/").statusCode()).isEqualTo(200);
            }
            assertThat(h.get(browser, "/").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void codeRequestsPerLinkAreLimited() throws Exception {
        try (PortalHarness h = new PortalHarness(folder)) {
            Deposit deposit = h.put("a@example.org", CONTENT);
            HttpClient browser = PortalHarness.browser();
            String page = h.get(browser, link(deposit)).body();
            for (int i = 0; i < 3; i++) {
                assertThat(h.post(browser, link(deposit) + "/code", form(page, "")).statusCode()).isEqualTo(200);
            }
            assertThat(h.post(browser, link(deposit) + "/code", form(page, "")).statusCode()).isEqualTo(429);
            assertThat(h.sent).hasSize(3);
        }
    }
}
