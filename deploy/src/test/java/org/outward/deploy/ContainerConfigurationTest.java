package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.outward.james.smtp.RelayTenantCheck;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The containers' James configuration (deploy/docker/conf/common and conf/memory) run by a real James 3.8.1
 * memory server, as the memory image runs it, its own outbound processor included (DKIM signing, the retry
 * schedule); {@link ContainerFiles} says what the test moves and why. One gateway serves every test (a start takes
 * seconds); each test starts with an empty outside world.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerConfigurationTest {

    private static final String OUTSIDE = "alex.agent@example.org";
    private static final String TENANT_SECRET = ContainerFiles.TENANT_SECRET;
    private static final String PARTY_TENANT = ContainerFiles.PARTY_TENANT;
    private static final String OTHER_TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    @TempDir
    static Path temp;

    private GreenMail outside;
    private int outsidePort;
    private EmbeddedGateway gateway;
    private int submissionPort;
    private KeyPair webAdminKeys;
    private KeyPair dkimKeys;
    private ContainerFiles files;
    private WebAdminClient webAdmin;

    @BeforeAll
    void start() throws Exception {
        submissionPort = FreePort.find();
        outside = RelayingGateway.startOutside();
        outsidePort = outside.getSmtp().getPort();
        files = ContainerFiles.lay(temp, "memory", submissionPort, outsidePort);
        webAdminKeys = files.webAdminKeys();
        dkimKeys = files.dkimKeys();
        gateway = EmbeddedGateway.start(new GatewaySettings(0, 0, Optional.of(files.conf()), temp.resolve("james"),
                new OutboundRoute.AsConfigured(), Optional.empty()));
        webAdmin = new WebAdminClient(gateway.webAdminPort(), WebAdminTokenCommand.token(webAdminKeys.getPrivate(),
                "admin", Instant.now(), Duration.ofMinutes(30)));
    }

    @BeforeEach
    void emptyTheOutsideWorld() throws Exception {
        outside.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    void stop() throws IOException {
        RelayingGateway.stop(gateway, outside);
        if (files != null) {
            files.close();
        }
    }

    @Test
    void everyMessageLeavesSignedForThePartysDomainWithTheMountedKey() throws Exception {
        send("sam.volunteer@party.example", "Saturday", "See you at the leaflet run.");

        assertThat(outside.waitForIncomingEmail(30_000, 1)).isTrue();
        byte[] delivered = raw(outside.getReceivedMessages()[0]).getBytes(StandardCharsets.UTF_8);
        assertThat(DkimSignatures.verified(delivered, "party.example", "outward", dkimKeys.getPublic())).isTrue();
        assertThat(DkimSignatures.verified(delivered, "party.example", "outward", ContainerFiles.rsaKeys().getPublic()))
                .as("another key does not verify it").isFalse();
    }

    @Test
    void onThePort587AnOutsideClientRelaysOnlyAfterStartTlsAndALogin() throws Exception {
        webAdmin.put("/domains/devices.party.example", null);
        webAdmin.put("/users/scanner@devices.party.example", "{\"password\":\"Copper-Lantern-Ninety-7\"}");
        byte[] raw = rawMessage("scanner@devices.party.example", "Scan", "The scanned rota.");

        assertThatThrownBy(() -> MailClient.submitOverStartTls(submissionPort, null, null, raw,
                "scanner@devices.party.example", OUTSIDE)).as("no login").isInstanceOf(MessagingException.class);
        assertThatThrownBy(() -> MailClient.submitOverStartTls(submissionPort, "scanner@devices.party.example",
                "wrong-password", raw, "scanner@devices.party.example", OUTSIDE)).as("a wrong password")
                .isInstanceOf(MessagingException.class);
        assertThatThrownBy(() -> MailClient.submit(submissionPort, "scanner@devices.party.example",
                "Copper-Lantern-Ninety-7", raw, "scanner@devices.party.example", OUTSIDE))
                .as("a login without STARTTLS first").isInstanceOf(MessagingException.class);
        Thread.sleep(1_000);
        assertThat(outside.getReceivedMessages()).as("nothing relayed").isEmpty();

        MailClient.submitOverStartTls(submissionPort, "scanner@devices.party.example", "Copper-Lantern-Ninety-7", raw,
                "scanner@devices.party.example", OUTSIDE);
        assertThat(outside.waitForIncomingEmail(30_000, 1)).isTrue();
        assertThat(outside.getReceivedMessages()[0].getHeader("X-Outward-Verdict")).containsExactly("pass");
    }

    @Test
    void aSmartHostOutageIsRiddenOutOnTheShippedRetrySchedule() throws Exception {
        outside.stop();
        try {
            send("sam.volunteer@party.example", "Saturday", "See you at the leaflet run.");
            // The first attempt fails; the schedule's first retry is 5 seconds later.
            webAdmin.awaitQueued("outgoing", 1, Duration.ofSeconds(20));
        } finally {
            outside = new GreenMail(new ServerSetup(outsidePort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            outside.start();
        }
        assertThat(outside.waitForIncomingEmail(30_000, 1)).as("delivered once the relay is back").isTrue();
        assertThat(outside.getReceivedMessages()).extracting(MimeMessage::getSubject).containsOnlyOnce("Saturday");
    }

    @Test
    void thePartysOwnSenderIsRelayedOverStartTlsAndJudged() throws Exception {
        send("sam.volunteer@party.example", "Saturday", "See you at the leaflet run.");

        assertThat(outside.waitForIncomingEmail(30_000, 1)).isTrue();
        MimeMessage delivered = outside.getReceivedMessages()[0];
        assertThat(delivered.getHeader("X-Outward-Verdict")).containsExactly("pass");
    }

    @Test
    void startTlsPresentsTheMountedCertificate() throws Exception {
        try (Socket plain = new Socket("127.0.0.1", gateway.smtpPort())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
            Writer out = new OutputStreamWriter(plain.getOutputStream(), StandardCharsets.US_ASCII);
            reply(in);
            out.write("EHLO client.test\r\n");
            out.flush();
            assertThat(reply(in)).contains("STARTTLS");
            out.write("STARTTLS\r\n");
            out.flush();
            assertThat(reply(in)).startsWith("220");

            SSLContext trustAll = SSLContext.getInstance("TLS");
            trustAll.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            try (SSLSocket tls = (SSLSocket) trustAll.getSocketFactory().createSocket(plain, "127.0.0.1", gateway.smtpPort(), true)) {
                tls.startHandshake();
                X509Certificate presented = (X509Certificate) tls.getSession().getPeerCertificates()[0];
                assertThat(presented.getSubjectX500Principal().getName()).isEqualTo("CN=outward.party.example");
                assertThat(tls.getSession().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
            }
        }
    }

    private static String reply(BufferedReader in) throws IOException {
        return SmtpReplies.read(in);
    }

    @Test
    void theTenantSecretIsCheckedAndNeverLeaves() throws Exception {
        send("sam.volunteer@party.example", "Saturday", "See you at the leaflet run.");

        assertThat(outside.waitForIncomingEmail(30_000, 1)).isTrue();
        MimeMessage delivered = outside.getReceivedMessages()[0];
        assertThat(delivered.getHeader(RelayTenantCheck.DEFAULT_SECRET_HEADER)).as("stripped").isNull();
        assertThat(raw(delivered)).doesNotContain(TENANT_SECRET);
    }

    @Test
    void anotherTenantOnTheSameNetworkIsRefusedWhateverItsSender() throws Exception {
        String party = "sam.volunteer@party.example";
        int deniedBefore = webAdmin.keys("relay-denied").size();
        Map<String, Map<String, String>> attempts = new LinkedHashMap<>();
        attempts.put("no secret", Map.of(RelayTenantCheck.MICROSOFT_TENANT_HEADER, PARTY_TENANT));
        attempts.put("a wrong secret", Map.of(RelayTenantCheck.DEFAULT_SECRET_HEADER, TENANT_SECRET.substring(1) + "x",
                RelayTenantCheck.MICROSOFT_TENANT_HEADER, PARTY_TENANT));
        attempts.put("the secret cut short", Map.of(RelayTenantCheck.DEFAULT_SECRET_HEADER, TENANT_SECRET.substring(0, 8),
                RelayTenantCheck.MICROSOFT_TENANT_HEADER, PARTY_TENANT));
        attempts.put("another tenant's ID", Map.of(RelayTenantCheck.DEFAULT_SECRET_HEADER, TENANT_SECRET,
                RelayTenantCheck.MICROSOFT_TENANT_HEADER, OTHER_TENANT));
        attempts.put("no tenant ID", Map.of(RelayTenantCheck.DEFAULT_SECRET_HEADER, TENANT_SECRET));
        for (Map.Entry<String, Map<String, String>> attempt : attempts.entrySet()) {
            assertThatThrownBy(() -> send(gateway.smtpPort(), party, "Members", "From another tenant.",
                    attempt.getValue())).as(attempt.getKey()).isInstanceOf(MessagingException.class)
                    .hasMessageContaining("554");
        }
        // Two tenant headers, one of them the party's: still another tenant's mail.
        MimeMessage twoTenants = new MimeMessage(Session.getInstance(new Properties()));
        twoTenants.setFrom(new InternetAddress(party));
        twoTenants.setRecipients(Message.RecipientType.TO, OUTSIDE);
        twoTenants.setText("x", "UTF-8");
        twoTenants.setHeader(RelayTenantCheck.DEFAULT_SECRET_HEADER, TENANT_SECRET);
        twoTenants.addHeader(RelayTenantCheck.MICROSOFT_TENANT_HEADER, OTHER_TENANT);
        twoTenants.addHeader(RelayTenantCheck.MICROSOFT_TENANT_HEADER, PARTY_TENANT);
        twoTenants.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        twoTenants.writeTo(bytes);
        assertThatThrownBy(() -> MailClient.submit(gateway.smtpPort(), bytes.toByteArray(), party, OUTSIDE))
                .as("two tenant IDs").isInstanceOf(MessagingException.class);
        Thread.sleep(1_000);
        assertThat(outside.getReceivedMessages()).as("nothing relayed").isEmpty();
        assertThat(webAdmin.keys("relay-denied")).as("nothing even accepted")
                .hasSize(deniedBefore);
    }

    private static byte[] rawMessage(String from, String subject, String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MailClient.message(from, OUTSIDE, subject, text).writeTo(bytes);
        return bytes.toByteArray();
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anotherDomainFromTheSameNetworkIsNotRelayed() throws Exception {
        send("someone@elsewhere.example", "Hello", "Anyone sharing our provider's addresses.");

        webAdmin.awaitKeys("relay-denied", 1, Duration.ofSeconds(20));
        assertThat(outside.getReceivedMessages()).isEmpty();
    }

    @Test
    void webAdminAnswersAdminRequestsOnlyWithATokenSignedByTheMountedKey() throws Exception {
        String repositories = "/mailRepositories";
        assertThat(new WebAdminClient(gateway.webAdminPort()).request(repositories).build())
                .satisfies(request -> assertThat(status(request)).as("no token").isEqualTo(401));
        Instant now = Instant.now();
        String otherKeys = WebAdminTokenCommand.token(ContainerFiles.rsaKeys().getPrivate(), "admin", now, Duration.ofMinutes(5));
        String expired = WebAdminTokenCommand.token(webAdminKeys.getPrivate(), "admin", now.minus(Duration.ofHours(2)),
                Duration.ofHours(1));
        String notAdmin = io.jsonwebtoken.Jwts.builder().setSubject("someone").claim("admin", false)
                .signWith(webAdminKeys.getPrivate(), io.jsonwebtoken.SignatureAlgorithm.RS256).compact();
        for (String token : List.of(otherKeys, expired, notAdmin, "not.a.token")) {
            assertThat(status(new WebAdminClient(gateway.webAdminPort(), token).request(repositories).build()))
                    .as("a token WebAdmin must refuse").isEqualTo(401);
        }
        assertThat(status(webAdmin.request(repositories).build())).as("the admin's token").isEqualTo(200);
        assertThat(status(new WebAdminClient(gateway.webAdminPort()).request("/metrics").build()))
                .as("metrics stay open to the scraper").isEqualTo(200);
    }

    /**
     * The admin console on the production configuration: WebAdmin asks for a token, which the console sends, a
     * release goes through the Docker flavour's own {@code outward-released} processor and a delete through its
     * {@code outward-deleted} processor (the sender told, the recipient given nothing).
     */
    @Test
    void theConsoleReleasesAndDeletesHeldMailThroughTheContainersWebAdminWithItsToken() throws Exception {
        List<String> before = webAdmin.keys("outward-blocked");
        send("sam.volunteer@party.example", "The spreadsheet", "Hi Alex,\n\nThe password is Kettle-Harbour-42\n\nSam\n");
        String key = webAdmin.awaitKeys("outward-blocked", before.size() + 1, Duration.ofSeconds(20)).stream()
                .filter(k -> !before.contains(k)).findFirst().orElseThrow();
        send("sam.volunteer@party.example", "The other spreadsheet", "Hi Alex,\n\nThe password is Rook-Lantern-77\n\nSam\n");
        String other = webAdmin.awaitKeys("outward-blocked", before.size() + 2, Duration.ofSeconds(20)).stream()
                .filter(k -> !before.contains(k) && !k.equals(key)).findFirst().orElseThrow();
        org.outward.console.UsersFile users = new org.outward.console.UsersFile(temp.resolve("console-users"));
        String secret = org.outward.console.Totp.newSecret();
        users.put(new org.outward.console.Account("admin", org.outward.console.Role.ADMIN,
                org.outward.console.PasswordHash.of("correct horse battery staple".toCharArray()), secret));
        String token = WebAdminTokenCommand.token(webAdminKeys.getPrivate(), "admin", Instant.now(), Duration.ofMinutes(30));

        try (org.outward.console.Console console = org.outward.console.Console.start(org.outward.console.ConsoleConfig.local(0,
                java.net.URI.create("http://127.0.0.1:" + gateway.webAdminPort()), Optional.of(token), users.path(),
                Optional.empty()), java.time.Clock.systemUTC())) {
            org.outward.console.ConsoleClient admin = new org.outward.console.ConsoleClient(console.port());
            admin.signIn("admin", "correct horse battery staple", org.outward.console.Totp.code(secret, Instant.now()));
            assertThat(admin.get("/held").body()).contains("The spreadsheet").doesNotContain("Kettle-Harbour-42");
            assertThat(admin.post("/held/act", Map.of("action", "release", "reason", "The sender asked; it is a test password",
                    "pick:outward-blocked/" + key, "1")).statusCode()).isEqualTo(200);
            assertThat(admin.post("/held/act", Map.of("action", "delete", "reason", "Sent by mistake",
                    "pick:outward-blocked/" + other, "1")).statusCode()).isEqualTo(200);
        }

        MimeMessage released = Mailboxes.await(outside, OUTSIDE, m -> {
            try {
                return "The spreadsheet".equals(m.getSubject());
            } catch (MessagingException e) {
                return false;
            }
        });
        assertThat(released.getHeader("X-Outward-Verdict")).containsExactly("released");
        Mailboxes.await(outside, "sam.volunteer@party.example", m -> {
            try {
                return "Deleted: The other spreadsheet".equals(m.getSubject());
            } catch (MessagingException e) {
                return false;
            }
        });
        assertThat(webAdmin.keys("outward-blocked")).doesNotContain(key, other);
        Thread.sleep(1000);
        assertThat(Mailboxes.of(outside, OUTSIDE)).noneMatch(m -> {
            try {
                return "The other spreadsheet".equals(m.getSubject());
            } catch (MessagingException e) {
                return false;
            }
        });
    }

    private static int status(java.net.http.HttpRequest request) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void webAdminServesMetricsWithTheContainerSettings() throws Exception {
        assertThat(webAdmin.get("/metrics").body()).contains("outward_verdict_pass_total");
    }

    /** Sends as the party's tenant does: its secret header and its Microsoft 365 tenant ID on the message. */
    private void send(String from, String subject, String text) throws Exception {
        send(gateway.smtpPort(), from, subject, text, Map.of(RelayTenantCheck.DEFAULT_SECRET_HEADER, TENANT_SECRET,
                RelayTenantCheck.MICROSOFT_TENANT_HEADER, PARTY_TENANT));
    }

    /** Submits over SMTP with STARTTLS required, trusting the test's self-signed certificate. */
    private static void send(int port, String from, String subject, String text, Map<String, String> headers)
            throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.ssl.trust", "127.0.0.1");
        props.put("mail.smtp.ssl.checkserveridentity", "false");
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, OUTSIDE);
        message.setSubject(subject);
        message.setText(text, "UTF-8");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        Transport.send(message);
    }
}
