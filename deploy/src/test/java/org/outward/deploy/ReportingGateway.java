package org.outward.deploy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Multipart;
import javax.mail.internet.MimeMessage;

import org.outward.console.Account;
import org.outward.console.Console;
import org.outward.console.ConsoleClient;
import org.outward.console.ConsoleConfig;
import org.outward.console.PasswordHash;
import org.outward.console.Role;
import org.outward.console.Totp;
import org.outward.console.UsersFile;
import org.outward.feedback.FolderReportStore;
import org.outward.portal.Portal;
import org.outward.shared.VaultSetting;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The whole path of a false-positive report, as its tests start it: the embedded gateway enforcing a policy file of
 * the test's own and relaying to GreenMail, the portal in its JVM (where notices' report links lead), and the admin
 * console with the policy desk on that file and a folder of the policy's own test cases.
 */
final class ReportingGateway implements AutoCloseable {

    static final String SENDER = "sam.volunteer@party.example";
    static final String OUTSIDE = "alex.agent@example.org";
    static final String PASSWORD = "correct horse battery staple";
    static final Pattern REPORT_LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/r/[A-Za-z0-9_-]{64}");

    final GreenMail outside;
    final EmbeddedGateway gateway;
    final Portal portal;
    final Console console;
    final Path policy;
    final Path tests;
    final WebAdminClient webAdmin;
    final FolderReportStore reports;
    private final UsersFile users;
    private final AtomicInteger made = new AtomicInteger();

    ReportingGateway(Path work) throws Exception {
        policy = work.resolve("policy.yaml");
        try (InputStream in = ReportingGateway.class.getResourceAsStream("/org/outward/policies/default-policy.yaml")) {
            Files.copy(in, policy);
        }
        // The policy's own test case: a canvass list sent by anyone else is still blocked.
        tests = Files.createDirectories(work.resolve("policy-tests"));
        Files.write(tests.resolve("canvass.csv"), canvass());
        expect("block");
        outside = RelayingGateway.startOutside();
        int portalPort = FreePort.find();
        URI publicUrl = URI.create("http://127.0.0.1:" + portalPort);
        gateway = EmbeddedGateway.start(new GatewaySettings(0, 0, Optional.empty(), work.resolve("james"),
                new OutboundRoute.Relay("127.0.0.1", outside.getSmtp().getPort(), false, Optional.empty()),
                Optional.of(policy)).withPortalUrl(publicUrl));
        portal = TryOutPortal.start(gateway, portalPort, publicUrl);
        webAdmin = new WebAdminClient(gateway.webAdminPort());
        users = new UsersFile(work.resolve("console-users"));
        VaultSetting vault = VaultSetting.parse(gateway.settings().vaultFolder().toString());
        console = Console.start(ConsoleConfig.local(0, URI.create("http://127.0.0.1:" + gateway.webAdminPort()),
                Optional.empty(), users.path(), Optional.of(gateway.auditFile())).withVault(vault)
                .withPolicy(new EngineDesk(policy, Optional.of(tests), Manifest.DEFAULT_NAME, Optional.empty())),
                Clock.systemUTC());
        reports = new FolderReportStore(FolderReportStore.inVault(gateway.settings().vaultFolder()));
    }

    /** Writes the test cases' manifest: the canvass list, sent by someone else, must get this verdict. */
    void expect(String verdict) throws Exception {
        Files.writeString(tests.resolve(Manifest.DEFAULT_NAME), "canvass.csv," + verdict + ",a canvass return\n");
    }

    static byte[] canvass() throws Exception {
        try (InputStream in = ReportingGateway.class.getResourceAsStream("/fixtures/personal/positive/canvass-1.csv")) {
            return in.readAllBytes();
        }
    }

    /** The message the tests send: a canvass list from the volunteer to the party's agent outside. */
    static byte[] message(String subject) throws Exception {
        MimeMessage message = MailClient.withAttachment(SENDER, OUTSIDE, subject, "Here are Saturday's returns.",
                "canvass.csv", canvass(), "text/csv");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return raw.toByteArray();
    }

    /** Sends it and waits until it is held in outward-blocked. */
    void sendBlocked(byte[] raw) throws Exception {
        List<String> before = webAdmin.keys("outward-blocked");
        MailClient.submit(gateway.smtpPort(), raw, SENDER, OUTSIDE);
        webAdmin.awaitKeys("outward-blocked", before.size() + 1, Duration.ofSeconds(30));
    }

    /** The notice about this subject that reached the sender, and the text of its part of this type. */
    String notice(String subject, String type) throws Exception {
        MimeMessage notice = Mailboxes.await(outside, SENDER, m -> subjectOf(m).contains(subject));
        Multipart alternatives = (Multipart) notice.getContent();
        for (int i = 0; i < alternatives.getCount(); i++) {
            if (alternatives.getBodyPart(i).isMimeType(type)) {
                return (String) alternatives.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no " + type + " part in the notice");
    }

    static String reportLink(String text) {
        Matcher link = REPORT_LINK.matcher(text);
        if (!link.find()) {
            throw new AssertionError("no report link in the notice");
        }
        return link.group();
    }

    /** The path of a report link, for a client of the portal on 127.0.0.1. */
    static String path(String link) {
        return URI.create(link).getPath();
    }

    ConsoleClient portalClient() {
        return new ConsoleClient(portal.port());
    }

    ConsoleClient signedIn(Role role) throws Exception {
        String[] user = newUser(role);
        ConsoleClient client = new ConsoleClient(console.port());
        client.signIn(user[0], PASSWORD, Totp.code(user[1], Instant.now()));
        return client;
    }

    /** A console user of this role, its name and TOTP secret, for a browser to sign in with. */
    String[] newUser(Role role) throws Exception {
        String name = role.word() + "-" + made.incrementAndGet();
        String secret = Totp.newSecret();
        users.put(new Account(name, role, PasswordHash.of(PASSWORD.toCharArray()), secret));
        return new String[] {name, secret};
    }

    List<String> audit() throws Exception {
        return Files.readAllLines(gateway.auditFile(), StandardCharsets.UTF_8);
    }

    static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (javax.mail.MessagingException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (console != null) {
            console.close();
        }
        if (portal != null) {
            portal.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (outside != null) {
            outside.stop();
        }
    }
}
