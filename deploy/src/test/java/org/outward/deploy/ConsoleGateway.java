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

import javax.mail.internet.MimeMessage;

import org.outward.console.Account;
import org.outward.console.Console;
import org.outward.console.ConsoleClient;
import org.outward.console.ConsoleConfig;
import org.outward.console.PasswordHash;
import org.outward.console.Role;
import org.outward.console.Totp;
import org.outward.console.UsersFile;
import org.outward.shared.VaultSetting;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The embedded gateway relaying to GreenMail (the outside world), and the admin console on it, as the console's tests
 * start them. Each sign-in of a test is by a user of its own ({@link #newUser}), so that a code of the same 30-second
 * step is never taken for a replay of another test's; the console runs on the real clock, as the audit trail's
 * readers expect.
 */
final class ConsoleGateway implements AutoCloseable {

    static final String SENDER = "sam.volunteer@party.example";
    static final String OUTSIDE = "alex.agent@example.org";
    static final String PASSWORD = "correct horse battery staple";

    final GreenMail outside;
    final EmbeddedGateway gateway;
    final WebAdminClient webAdmin;
    final Console console;
    final Path auditFile;
    /** The policy the gateway enforces, which a test may edit (the gateway reads an edit at the next use). */
    final Path policyFile;
    private final UsersFile users;
    private final AtomicInteger made = new AtomicInteger();

    /** A console user and its TOTP secret. */
    record User(String name, String secret) {
    }

    ConsoleGateway(Path work) throws Exception {
        this(work, Optional.empty());
    }

    /** The same on a configuration folder of the test's own ({@code --config}). */
    ConsoleGateway(Path work, Optional<Path> config) throws Exception {
        outside = RelayingGateway.startOutside();
        policyFile = Files.createDirectories(work).resolve("policy.yaml");
        try (InputStream in = ConsoleGateway.class.getResourceAsStream("/org/outward/policies/default-policy.yaml")) {
            Files.copy(in, policyFile);
        }
        gateway = RelayingGateway.start(config, work, outside, Optional.of(policyFile));
        webAdmin = new WebAdminClient(gateway.webAdminPort());
        users = new UsersFile(work.resolve("console-users"));
        // The gateway's own trail, where the digest and the incident export read what admins did.
        auditFile = gateway.auditFile();
        console = Console.start(ConsoleConfig.local(0, URI.create("http://127.0.0.1:" + gateway.webAdminPort()),
                Optional.empty(), users.path(), Optional.of(auditFile))
                .withVault(VaultSetting.parse(gateway.settings().vaultFolder().toString())), Clock.systemUTC());
    }

    /** A new user of this role, named {@code admin-1}, {@code dpo-2}, ..., with the password {@value #PASSWORD}. */
    User newUser(Role role) throws java.io.IOException {
        User user = new User(role.word() + "-" + made.incrementAndGet(), Totp.newSecret());
        users.put(new Account(user.name(), role, PasswordHash.of(PASSWORD.toCharArray()), user.secret()));
        return user;
    }

    /** The user's code now. */
    String code(User user) {
        return Totp.code(user.secret(), Instant.now());
    }

    /** A browser's worth of console signed in as a new user of this role. */
    ConsoleClient signedIn(Role role) throws Exception {
        User user = newUser(role);
        ConsoleClient client = new ConsoleClient(console.port());
        client.signIn(user.name(), PASSWORD, code(user));
        return client;
    }

    String base() {
        return "http://127.0.0.1:" + console.port();
    }

    List<String> audit() throws Exception {
        return Files.readAllLines(auditFile, StandardCharsets.UTF_8);
    }

    /** Empties the blocked repository and the outside mailboxes. */
    void clear() throws Exception {
        for (String key : webAdmin.keys("outward-blocked")) {
            webAdmin.delete(WebAdminClient.repository("outward-blocked") + "/mails/" + key);
        }
        outside.purgeEmailFromAllMailboxes();
    }

    /** Sends a canvass list to an outside address and returns its key in the blocked repository. */
    String sendCanvass(String subject) throws Exception {
        byte[] csv;
        try (InputStream in = ConsoleGateway.class.getResourceAsStream("/fixtures/personal/positive/canvass-1.csv")) {
            csv = in.readAllBytes();
        }
        MimeMessage message = MailClient.withAttachment(SENDER, OUTSIDE, subject, "Here are Saturday's returns.",
                "canvass.csv", csv, "text/csv");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        List<String> before = webAdmin.keys("outward-blocked");
        MailClient.submit(gateway.smtpPort(), raw.toByteArray(), SENDER, OUTSIDE);
        List<String> after = webAdmin.awaitKeys("outward-blocked", before.size() + 1, Duration.ofSeconds(30));
        return after.stream().filter(k -> !before.contains(k)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        if (console != null) {
            console.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (outside != null) {
            outside.stop();
        }
    }
}
