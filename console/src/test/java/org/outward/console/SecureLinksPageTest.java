package org.outward.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.portal.TestClock;
import org.outward.shared.VaultSetting;
import org.outward.vault.Deposit;
import org.outward.vault.LocalDiskVault;
import org.outward.vault.NewItem;
import org.outward.vault.Vault;

/**
 * The secure-links page on a real vault folder (the gateway's own format): the items listed by sender, recipient
 * and file, an admin's revoke with a reason and purge, a DPO's refused. The held-mail pages are not used here, so
 * WebAdmin's address leads nowhere.
 */
class SecureLinksPageTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(Instant.now());
    private final String adminSecret = Totp.newSecret();
    private final String dpoSecret = Totp.newSecret();
    private Vault vault;
    private Console console;

    @BeforeEach
    void start() throws Exception {
        vault = new LocalDiskVault(folder.resolve("vault"), clock);
        UsersFile users = new UsersFile(folder.resolve("users"));
        users.put(new Account("admin", Role.ADMIN, PasswordHash.of(PASSWORD.toCharArray()), adminSecret));
        users.put(new Account("dpo", Role.DPO, PasswordHash.of(PASSWORD.toCharArray()), dpoSecret));
        console = Console.start(ConsoleConfig.local(0, URI.create("http://127.0.0.1:9"), Optional.empty(), users.path(),
                Optional.of(folder.resolve("audit.jsonl"))).withVault(VaultSetting.parse(folder.resolve("vault").toString())),
                clock);
    }

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
    }

    private Deposit put(String recipient, String file) throws Exception {
        return vault.put(NewItem.withDefaults("sam.volunteer@party.example", recipient, file, "text/csv"),
                new ByteArrayInputStream("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
    }

    private ConsoleClient signedIn(String name, String secret) throws Exception {
        clock.advance(Duration.ofSeconds(30));
        ConsoleClient client = new ConsoleClient(console.port());
        assertThat(client.signIn(name, PASSWORD, Totp.code(secret, clock.instant())).statusCode()).isEqualTo(303);
        return client;
    }

    @Test
    void anAdminFindsALinkByRecipientAndRevokesItWithAReason() throws Exception {
        Deposit printer = put("print@printer.example", "Ward 4 leaflets.csv");
        put("alex.agent@example.org", "canvass KA1.csv");
        ConsoleClient admin = signedIn("admin", adminSecret);

        String all = admin.get("/links").body();
        assertThat(all).contains("Secure links (2)").contains("Ward 4 leaflets.csv").contains("canvass KA1.csv")
                .contains("print@printer.example").contains("active").contains("0/5");
        String found = admin.get("/links?q=printer").body();
        assertThat(found).contains("Secure links (1)").contains("Ward 4 leaflets.csv").doesNotContain("canvass KA1.csv");

        String revoked = admin.post("/links/act", Map.of("action", "revoke", "item", printer.id().toString(),
                "reason", "Sent to the wrong printer")).body();

        assertThat(revoked).contains("The link to Ward 4 leaflets.csv is revoked");
        assertThat(vault.find(printer.id()).orElseThrow().revoked()).isTrue();
        assertThat(admin.get("/links?q=printer").body()).contains("revoked");
        assertThat(Files.readAllLines(folder.resolve("audit.jsonl"))).anyMatch(line ->
                line.contains("\"event\":\"revoke\"") && line.contains("\"actor\":\"admin\"")
                        && line.contains(printer.id().toString())
                        && line.contains("Sent to the wrong printer"));
    }

    @Test
    void anAdminPurgesExpiredFiles() throws Exception {
        Deposit old = put("alex.agent@example.org", "old.csv");
        clock.advance(NewItem.DEFAULT_LIFETIME.plusDays(1));
        put("alex.agent@example.org", "new.csv");
        ConsoleClient admin = signedIn("admin", adminSecret);
        assertThat(admin.get("/links").body()).contains("expired").contains("active");

        String purged = admin.post("/links/act", Map.of("action", "purge")).body();

        assertThat(purged).contains("Deleted the files of 1 link(s)");
        assertThat(Files.readAllLines(folder.resolve("audit.jsonl"))).anyMatch(line ->
                line.contains("\"event\":\"purge\"") && line.contains("\"items\":1"));
        assertThat(vault.find(old.id()).orElseThrow().purged()).isTrue();
    }

    @Test
    void aDpoSeesLinksButCannotRevokeThem() throws Exception {
        Deposit item = put("alex.agent@example.org", "canvass KA1.csv");
        ConsoleClient dpo = signedIn("dpo", dpoSecret);
        String page = dpo.get("/links").body();
        assertThat(page).contains("canvass KA1.csv").doesNotContain("Revoke").doesNotContain("Purge expired files");

        assertThat(dpo.post("/links/act", Map.of("action", "revoke", "item", item.id().toString(), "reason", "x"))
                .statusCode()).isEqualTo(403);
        assertThat(dpo.post("/links/act", Map.of("action", "purge")).statusCode()).isEqualTo(403);
        assertThat(vault.find(item.id()).orElseThrow().revoked()).isFalse();
    }

    @Test
    void theConsoleListensOnTheLoopbackAddressOnly() {
        assertThat(ConsoleConfig.local(0, URI.create("http://127.0.0.1:9"), Optional.empty(), folder, Optional.empty())
                .bind().getAddress().isLoopbackAddress()).isTrue();
        assertThat(new ConsoleMain().bind).isEqualTo("127.0.0.1");
    }
}
