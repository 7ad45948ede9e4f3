package org.outward.backends;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outward.backends.portal.SqlPortalState;
import org.outward.detect.secret.Location;
import org.outward.detect.secret.SecretDetector;
import org.outward.detect.secret.TextSource;
import org.outward.detect.secret.correlate.PasswordCorrelator;
import org.outward.detect.secret.correlate.PasswordForAttachment;
import org.outward.installation.InstallationKey;
import org.outward.portal.Portal;
import org.outward.portal.PortalConfig;
import org.outward.portal.PortalKey;
import org.outward.portal.SmtpCodeSender;
import org.outward.vault.AuditEvent;
import org.outward.vault.AuditKind;
import org.outward.vault.Deposit;
import org.outward.vault.ItemInfo;
import org.outward.vault.NewItem;
import org.outward.vault.Vault;

/**
 * Two gateway nodes and two portal nodes over one PostgreSQL and one S3-compatible server, each node with its own
 * connection pool as separate processes would have. The portals are real HTTP servers on free ports; codes go by
 * SMTP to GreenMail. A browser here keeps one cookie jar for both portals, as behind one address and a load
 * balancer without sticky sessions, so any step of the recipient's flow may reach either portal.
 */
class MultiNodeTest {

    @RegisterExtension
    static final TestBackends BACKENDS = new TestBackends();

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{8})\\b");
    private static final int CONCURRENT = 20;

    private final Clock clock = Clock.systemUTC();
    private final List<Portal> portals = new ArrayList<>();
    private final List<ItemInfo> firstDownloads = new CopyOnWriteArrayList<>();
    private GreenMail mail;
    private Vault gatewayA;
    private Vault gatewayB;
    private URI portal1;
    private URI portal2;

    @BeforeEach
    void startNodes() throws IOException {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        gatewayA = node().vault(clock);
        gatewayB = node().vault(clock);
        portal1 = portal();
        portal2 = portal();
    }

    @AfterEach
    void stopNodes() {
        portals.forEach(Portal::close);
        mail.stop();
    }

    /** A node's own connection to the shared backends, as a separate process would have. */
    private PostgresS3Backend node() throws IOException {
        return BACKENDS.node();
    }

    /** The portal key, copied to every portal node of the test. */
    private final PortalKey portalKey = PortalKey.random();

    /** A portal node: its own backends connection, the shared vault and the shared codes, tries and sessions. */
    private URI portal() throws IOException {
        PostgresS3Backend node = node();
        // Every request here comes from 127.0.0.1: with the default of 4 bodies at once per client, a slow
        // machine answers some of the concurrent forms 429 before they reach the vault, which is not under test.
        PortalConfig.Limits limits = PortalConfig.Limits.DEFAULTS.withBodiesPerClient(CONCURRENT);
        // An http public URL: with https the cookies would be Secure, and this test's browser speaks plain HTTP.
        Portal portal = Portal.start(new PortalConfig(new InetSocketAddress("127.0.0.1", 0),
                        URI.create("http://localhost"), limits), node.vault(clock),
                SqlPortalState.open(node.database(), limits, clock, portalKey),
                new SmtpCodeSender("127.0.0.1", mail.getSmtp().getPort(), "secure-links@party.example"),
                firstDownloads::add, clock);
        portals.add(portal);
        return URI.create("http://127.0.0.1:" + portal.port());
    }

    @Test
    void aLinkMadeByOneGatewayIsServedByEitherPortalAtEveryStep() throws Exception {
        byte[] content = content("full flow");
        Deposit deposit = gatewayA.put(NewItem.withDefaults("agent@party.example", "printer@example.org",
                "canvass KA1.csv", "text/csv"), new ByteArrayInputStream(content));
        String link = "/l/" + deposit.link().encoded();
        HttpClient browser = browser();

        HttpResponse<String> page = get(browser, portal2, link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("canvass KA1.csv", "agent@party.example");

        // The form came from portal 2; portal 1 accepts its CSRF token and sends the code.
        HttpResponse<String> codePage = post(browser, portal1, link + "/code", "csrf=" + csrf(page.body()));
        assertThat(codePage.statusCode()).isEqualTo(200);
        String code = codeFor("printer@example.org");

        HttpResponse<String> verified = post(browser, portal2, link + "/verify",
                "csrf=" + csrf(codePage.body()) + "&code=" + code);
        assertThat(verified.statusCode()).isEqualTo(303);

        // The session portal 2 opened is honoured by portal 1.
        HttpResponse<String> ready = get(browser, portal1, link);
        assertThat(ready.body()).contains("id=\"download\"");
        HttpResponse<byte[]> file = browser.send(form(portal2, link + "/download", "csrf=" + csrf(ready.body())),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(content);
        awaitFirstDownloadNotice();
        assertThat(firstDownloads).singleElement().extracting(ItemInfo::id).isEqualTo(deposit.id());

        // Gateway B sees what the portals did to gateway A's item.
        assertThat(gatewayB.find(deposit.id()).orElseThrow().events()).extracting(AuditEvent::kind).containsSubsequence(
                AuditKind.CREATED, AuditKind.VIEWED, AuditKind.CODE_SENT, AuditKind.CODE_ACCEPTED, AuditKind.DOWNLOADED);
        // And a revocation by gateway B closes the link on both portals.
        gatewayB.revoke(deposit.id(), "admin");
        assertThat(get(browser(), portal1, link).statusCode()).isEqualTo(404);
        assertThat(get(browser(), portal2, link).statusCode()).isEqualTo(404);
    }

    @Test
    void theDownloadLimitHoldsUnderConcurrentDownloadsOnBothPortals() throws Exception {
        byte[] content = content("download limit");
        Deposit deposit = gatewayB.put(new NewItem("agent@party.example", "treasurer@example.org", "accounts.csv",
                "text/csv", Duration.ofDays(1), 3), new ByteArrayInputStream(content));
        String link = "/l/" + deposit.link().encoded();
        HttpClient browser = browser();
        String csrf = signIn(browser, link, "treasurer@example.org");

        List<Callable<HttpResponse<byte[]>>> downloads = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            URI portal = i % 2 == 0 ? portal1 : portal2;
            downloads.add(() -> browser.send(form(portal, link + "/download", "csrf=" + csrf),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        List<HttpResponse<byte[]>> answers = all(downloads);

        assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(3)
                .allSatisfy(r -> assertThat(r.body()).isEqualTo(content));
        assertThat(answers).filteredOn(r -> r.statusCode() == 404).hasSize(CONCURRENT - 3);
        ItemInfo item = gatewayA.find(deposit.id()).orElseThrow();
        assertThat(item.downloads()).isEqualTo(3);
        assertThat(item.events()).filteredOn(e -> e.kind() == AuditKind.DOWNLOADED).hasSize(3);
        awaitFirstDownloadNotice();
        assertThat(firstDownloads).as("the sender is told of the first download once").hasSize(1);
    }

    @Test
    void codeTriesHoldUnderConcurrentTriesOnBothPortals() throws Exception {
        Deposit deposit = gatewayA.put(NewItem.withDefaults("agent@party.example", "organiser@example.org",
                "ward list.csv", "text/csv"), new ByteArrayInputStream(content("tries")));
        String link = "/l/" + deposit.link().encoded();
        HttpClient browser = browser();
        String page = get(browser, portal1, link).body();
        String csrf = csrf(post(browser, portal2, link + "/code", "csrf=" + csrf(page)).body());
        String right = codeFor("organiser@example.org");
        String wrong = right.equals("00000000") ? "11111111" : "00000000";

        List<Callable<HttpResponse<String>>> tries = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            URI portal = i % 2 == 0 ? portal1 : portal2;
            tries.add(() -> post(browser, portal, link + "/verify", "csrf=" + csrf + "&code=" + wrong));
        }
        List<HttpResponse<String>> answers = all(tries);

        int allowed = PortalConfig.Limits.DEFAULTS.codeTries();
        assertThat(answers).filteredOn(r -> r.statusCode() == 400).hasSize(allowed - 1)
                .allSatisfy(r -> assertThat(r.body()).contains("Tries left"));
        assertThat(answers).filteredOn(r -> r.statusCode() == 429).hasSize(CONCURRENT - allowed + 1);
        // Locked on both portals, even for the right code.
        assertThat(post(browser, portal1, link + "/verify", "csrf=" + csrf + "&code=" + right).statusCode()).isEqualTo(429);
        assertThat(post(browser, portal2, link + "/verify", "csrf=" + csrf + "&code=" + right).statusCode()).isEqualTo(429);
        assertThat(get(browser(), portal2, link).statusCode()).isEqualTo(429);
    }

    @Test
    void aPasswordOnOneGatewayIsTiedToTheEncryptedFileSentThroughTheOther() throws IOException {
        // Every gateway node holds the same installation key (the file is copied to each).
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 3);
        InstallationKey key = InstallationKey.of(bytes);
        PasswordCorrelator nodeA = new PasswordCorrelator(node().encryptedSendLog(key, Duration.ofDays(7), clock));
        PasswordCorrelator nodeB = new PasswordCorrelator(node().encryptedSendLog(key, Duration.ofDays(7), clock));
        Instant sent = clock.instant();

        nodeA.remember("sam@party.example", List.of("jo@example.org"),
                List.of(org.outward.detect.secret.correlate.EncryptedFile.named("Ward list.zip")), sent);
        List<PasswordForAttachment> links = nodeB.correlate("sam@party.example", List.of("jo@example.org"),
                SecretDetector.withDefaults().findTokens(List.of(new TextSource(Location.BODY_PLAIN, "1",
                        "Sorry - the password is Kettle-Orchard-42"))));

        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.earlier().fileName()).isEqualTo("Ward list.zip");
            assertThat(link.recipient()).isEqualTo("jo@example.org");
        });
    }

    /** Link page, code by email, right code: the browser then holds a session; returns the download form's token. */
    private String signIn(HttpClient browser, String link, String recipient) throws Exception {
        String page = get(browser, portal1, link).body();
        String codePage = post(browser, portal2, link + "/code", "csrf=" + csrf(page)).body();
        HttpResponse<String> verified = post(browser, portal1, link + "/verify",
                "csrf=" + csrf(codePage) + "&code=" + codeFor(recipient));
        assertThat(verified.statusCode()).isEqualTo(303);
        HttpResponse<String> ready = get(browser, portal2, link);
        assertThat(ready.body()).contains("id=\"download\"");
        return csrf(ready.body());
    }

    /** The portal tells the sender after the download has been sent, so the browser may have it first. */
    private void awaitFirstDownloadNotice() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (firstDownloads.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** The code in the newest code mail to this recipient. */
    private String codeFor(String recipient) throws MessagingException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(recipient)) {
                    Matcher code = CODE.matcher(GreenMailUtil.getBody(message));
                    assertThat(code.find()).isTrue();
                    return code.group(1);
                }
            }
            mail.waitForIncomingEmail(200, mail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no code mail reached " + recipient);
    }

    private static <T> List<T> all(List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(work)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] content(String what) {
        StringBuilder text = new StringBuilder("PD,ENO,Name,Notes\n");
        while (text.length() < 200_000) {
            text.append("KA1,").append(text.length()).append(",Jane Example,").append(what).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> get(HttpClient browser, URI portal, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(portal.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient browser, URI portal, String path, String body)
            throws Exception {
        return browser.send(form(portal, path, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest form(URI portal, String path, String body) {
        return HttpRequest.newBuilder(portal.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF field on the page").isTrue();
        return matcher.group(1);
    }
}
