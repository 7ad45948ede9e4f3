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
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.outward.james.smtp.RelayTenantCheck;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The containers' James configuration (deploy/docker/conf/common and conf/memory) run by a real James 3.8.1
 * memory server, as the memory image runs it, with the values .env would give in the environment (set for the
 * test JVM in deploy/pom.xml). Only what a container has and a test cannot is moved: the absolute paths
 * (/etc/outward, /var/lib/outward) point into a temporary folder, the two SMTP ports are free ones, and mail
 * leaves for GreenMail instead of the internet. One gateway serves every test (a start takes seconds); each test
 * starts with an empty outside world.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerConfigurationTest {

    private static final Path DOCKER_CONF = Path.of("docker", "conf").toAbsolutePath();
    private static final String OUTSIDE = "alex.agent@example.org";
    /** What the party's tenant adds to its outbound mail, as the secret file and surefire's environment say. */
    private static final String TENANT_SECRET = "kq7-Zm2pX9vR4tW8yB3nC6dF1gH5jL0s";
    private static final String PARTY_TENANT = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
    private static final String OTHER_TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    @TempDir
    static Path temp;

    private GreenMail outside;
    private EmbeddedGateway gateway;
    private KeyPair webAdminKeys;
    private WebAdminClient webAdmin;

    @BeforeAll
    void start() throws Exception {
        Path root = temp.resolve("container");
        Path conf = Files.createDirectories(temp.resolve("conf"));
        int submission = FreePort.find();
        for (Path folder : List.of(DOCKER_CONF.resolve("common"), DOCKER_CONF.resolve("memory"))) {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    String text = Files.readString(file)
                            .replace("/etc/outward/", root.resolve("etc/outward") + "/")
                            .replace("/var/lib/outward/", root.resolve("var/lib/outward") + "/")
                            .replace("/run/secrets/", root.resolve("run/secrets") + "/")
                            .replace("0.0.0.0:587", "127.0.0.1:" + submission)
                            .replace("172.30.27.5:2526", "127.0.0.1:0");
                    Files.writeString(conf.resolve(file.getFileName()), text);
                }
            }
        }
        Path policies = Files.createDirectories(root.resolve("etc/outward/policies"));
        try (InputStream in = getClass().getResourceAsStream("/org/outward/policies/default-policy.yaml")) {
            Files.copy(in, policies.resolve("default-policy.yaml"));
        }
        writeSelfSignedPem(Files.createDirectories(root.resolve("etc/outward/tls")));
        Files.writeString(Files.createDirectories(root.resolve("run/secrets")).resolve("outward-tenant-secret"),
                TENANT_SECRET + "\n");
        webAdminKeys = rsaKeys();
        try (Writer out = Files.newBufferedWriter(root.resolve("run/secrets/outward-webadmin-jwt-key"));
             JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(webAdminKeys.getPublic());
        }

        outside = RelayingGateway.startOutside();
        gateway = RelayingGateway.start(Optional.of(conf), temp, outside, Optional.empty());
        webAdmin = new WebAdminClient(gateway.webAdminPort(), WebAdminTokenCommand.token(webAdminKeys.getPrivate(),
                "admin", Instant.now(), Duration.ofMinutes(30)));
    }

    @BeforeEach
    void emptyTheOutsideWorld() throws Exception {
        outside.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    void stop() {
        RelayingGateway.stop(gateway, outside);
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
        String otherKeys = WebAdminTokenCommand.token(rsaKeys().getPrivate(), "admin", now, Duration.ofMinutes(5));
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
     * The admin console on the production configuration: WebAdmin asks for a token, which the console sends, and a
     * release goes through the Docker flavour's own {@code outward-released} processor.
     */
    @Test
    void theConsoleReleasesHeldMailThroughTheContainersWebAdminWithItsToken() throws Exception {
        List<String> before = webAdmin.keys("outward-blocked");
        send("sam.volunteer@party.example", "The spreadsheet", "Hi Alex,\n\nThe password is Kettle-Harbour-42\n\nSam\n");
        String key = webAdmin.awaitKeys("outward-blocked", before.size() + 1, Duration.ofSeconds(20)).stream()
                .filter(k -> !before.contains(k)).findFirst().orElseThrow();
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
        }

        MimeMessage released = Mailboxes.await(outside, OUTSIDE, m -> {
            try {
                return "The spreadsheet".equals(m.getSubject());
            } catch (MessagingException e) {
                return false;
            }
        });
        assertThat(released.getHeader("X-Outward-Verdict")).containsExactly("released");
    }

    private static int status(java.net.http.HttpRequest request) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static KeyPair rsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
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

    /** gateway.crt and gateway.key as an admin would mount them: a certificate and its unencrypted key, in PEM. */
    private static void writeSelfSignedPem(Path tls) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=outward.party.example");
        Instant now = Instant.now();
        X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
        try (Writer out = Files.newBufferedWriter(tls.resolve("gateway.crt")); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(certificate);
        }
        try (Writer out = Files.newBufferedWriter(tls.resolve("gateway.key")); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(keys.getPrivate());
        }
    }
}
