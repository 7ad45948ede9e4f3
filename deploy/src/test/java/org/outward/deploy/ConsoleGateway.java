package org.outward.deploy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.outward.console.Account;
import org.outward.console.Console;
import org.outward.console.ConsoleConfig;
import org.outward.console.PasswordHash;
import org.outward.console.Role;
import org.outward.console.Totp;
import org.outward.console.UsersFile;
import org.outward.portal.TestClock;
import org.outward.shared.VaultSetting;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The embedded gateway relaying to GreenMail (the outside world), and the admin console on it with two users, an
 * admin and a DPO, as the console's tests start them. The console's clock is the test's: each sign-in moves it on a
 * TOTP step, so a fresh code is never taken for a replay.
 */
final class ConsoleGateway implements AutoCloseable {

    static final String SENDER = "sam.volunteer@party.example";
    static final String OUTSIDE = "alex.agent@example.org";
    static final String ADMIN = "admin";
    static final String DPO = "dpo";
    static final String PASSWORD = "correct horse battery staple";

    final GreenMail outside;
    final EmbeddedGateway gateway;
    final WebAdminClient webAdmin;
    final Console console;
    final String adminSecret = Totp.newSecret();
    final String dpoSecret = Totp.newSecret();
    final TestClock clock = new TestClock(Instant.now());
    final Path auditFile;

    ConsoleGateway(Path work) throws Exception {
        outside = RelayingGateway.startOutside();
        gateway = RelayingGateway.start(work, outside);
        webAdmin = new WebAdminClient(gateway.webAdminPort());
        UsersFile users = new UsersFile(work.resolve("console-users"));
        users.put(new Account(ADMIN, Role.ADMIN, PasswordHash.of(PASSWORD.toCharArray()), adminSecret));
        users.put(new Account(DPO, Role.DPO, PasswordHash.of(PASSWORD.toCharArray()), dpoSecret));
        // The gateway's own trail, where the digest and the incident export read what admins did.
        auditFile = gateway.auditFile();
        console = Console.start(ConsoleConfig.local(0, URI.create("http://127.0.0.1:" + gateway.webAdminPort()),
                Optional.empty(), users.path(), Optional.of(auditFile))
                .withVault(VaultSetting.parse(gateway.settings().vaultFolder().toString())), clock);
    }

    /** A code for the next TOTP step, the console's clock moved on to it. */
    String nextCode(String secret) {
        clock.advance(Duration.ofSeconds(30));
        return Totp.code(secret, clock.instant());
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
