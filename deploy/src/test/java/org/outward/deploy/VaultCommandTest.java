package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.vault.Deposit;
import org.outward.vault.LocalDiskVault;
import org.outward.vault.NewItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class VaultCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = GatewayCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    /** An item with the default expiry and limit, holding "secret rows". */
    private static Deposit keptItem(LocalDiskVault vault) throws Exception {
        return vault.put(NewItem.withDefaults("agent@party.example", "printer@example.org", "canvass.csv", "text/csv"),
                new ByteArrayInputStream("secret rows".getBytes(StandardCharsets.UTF_8)));
    }

    /** An item that has expired by the time this returns. */
    private static Deposit expiredItem(LocalDiskVault vault) throws Exception {
        Deposit deposit = vault.put(new NewItem("agent@party.example", "b@example.org", "b.csv", "text/csv",
                Duration.ofMillis(1), 1), new ByteArrayInputStream(new byte[3]));
        Thread.sleep(5);
        return deposit;
    }

    @Test
    void revokeAndPurgeAreAdminActionsInTheAuditTrailBesideTheVault() throws Exception {
        Path vaultFolder = folder.resolve("vault");
        LocalDiskVault vault = new LocalDiskVault(vaultFolder, Clock.systemUTC());
        Deposit kept = keptItem(vault);
        expiredItem(vault);

        assertThat(run("vault", "purge", "--vault", vaultFolder.toString())).isZero();
        assertThat(run("vault", "revoke", kept.id().hex(), "--reason", "sent to the wrong printer", "--vault",
                vaultFolder.toString())).isZero();

        List<org.outward.audit.AuditEvent> events = java.nio.file.Files.readAllLines(AuditFile.in(folder)).stream()
                .map(org.outward.audit.AuditLine::parse).toList();
        assertThat(events).extracting(e -> e.kind().word()).containsExactly("purge", "revoke");
        assertThat(events).allSatisfy(e -> assertThat(e.actor()).isEqualTo(System.getProperty("user.name")));
        assertThat(events.get(0).fields()).containsEntry("items", 1);
        assertThat(events.get(1).fields()).containsEntry("item", kept.id().hex())
                .containsEntry("reason", "sent to the wrong printer");
        assertThat(out.toString()).as("the tool prints its result, not the audit line").doesNotContain("\"event\"");
    }

    @Test
    void listShowRevokePurge() throws Exception {
        LocalDiskVault vault = new LocalDiskVault(folder.resolve("vault"), Clock.systemUTC());
        Deposit kept = keptItem(vault);
        Deposit shortLived = expiredItem(vault);

        assertThat(run("vault", "list", "--vault", folder.resolve("vault").toString())).isZero();
        assertThat(out.toString()).contains(kept.id() + "  active", shortLived.id() + "  expired");

        assertThat(run("vault", "show", kept.id().hex(), "--vault", folder.resolve("vault").toString())).isZero();
        assertThat(out.toString()).contains("recipient  printer@example.org", "CREATED").doesNotContain("secret rows");

        assertThat(run("vault", "purge", "--vault", folder.resolve("vault").toString())).isZero();
        assertThat(out.toString()).contains("purged 1 item");

        assertThat(run("vault", "revoke", kept.id().hex(), "--vault", folder.resolve("vault").toString())).isZero();
        assertThat(vault.describe(kept.link())).isEmpty();

        assertThat(run("vault", "show", "nonsense", "--vault", folder.resolve("vault").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("not an item id");
    }

    @Test
    void listAsJsonGivesOneObjectPerItemWithoutContent() throws Exception {
        LocalDiskVault vault = new LocalDiskVault(folder.resolve("vault"), Clock.systemUTC());
        Deposit kept = keptItem(vault);
        Deposit shortLived = expiredItem(vault);

        assertThat(run("vault", "list", "--json", "--vault", folder.resolve("vault").toString())).isZero();

        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> items = new HashMap<>();
        for (String line : out.toString().lines().toList()) {
            JsonNode item = json.readTree(line);
            items.put(item.get("id").asText(), item);
        }
        assertThat(items).containsOnlyKeys(kept.id().hex(), shortLived.id().hex());
        JsonNode active = items.get(kept.id().hex());
        assertThat(active.get("state").asText()).isEqualTo("active");
        assertThat(Instant.parse(active.get("expires").asText())).isAfter(Instant.parse(active.get("created").asText()));
        assertThat(active.get("downloads").asInt()).isZero();
        assertThat(active.get("maxDownloads").asInt()).isPositive();
        assertThat(items.get(shortLived.id().hex()).get("state").asText()).isEqualTo("expired");
        assertThat(out.toString()).doesNotContain("secret rows");
    }
}
