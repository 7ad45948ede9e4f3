package org.outward.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.outward.detect.secret.correlate.TestClock;

/**
 * What every {@link Vault} must do, whatever it stores items in. An implementation's test extends this and says
 * how to open a vault on its store and how to reach the stored content behind the vault's back.
 */
public abstract class VaultContract {

    protected static final String MARKER = "Canvass sheet KA1 elector Jane Example, 12 Any Street";

    protected final TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));

    /** A vault object on the store under test; two calls give two objects (two nodes) on the same store. */
    protected abstract Vault open(Clock clock) throws IOException;

    /** Every stored content object, as stored, to check it holds no plaintext. */
    protected abstract List<byte[]> storedContent() throws IOException;

    /** Whether the item's content is still stored. */
    protected abstract boolean contentStored(ItemId id) throws IOException;

    /** Flips one bit in the stored content of the item, near its end. */
    protected abstract void tamperWithContent(ItemId id) throws IOException;

    /** A copy of the item's stored content, as a backup of the store would hold it. */
    protected abstract byte[] backupOfContent(ItemId id) throws IOException;

    /** The HKDF salt the store keeps for the item now, read behind the vault's back (empty when there is none). */
    protected abstract byte[] storedSalt(ItemId id) throws IOException;

    /** Plaintext larger than one segment, so segment boundaries are exercised. */
    protected static byte[] content() {
        StringBuilder text = new StringBuilder();
        while (text.length() < 150_000) {
            text.append(MARKER).append(',').append(text.length()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    protected static NewItem item(String recipient) {
        return NewItem.withDefaults("agent@party.example", recipient, "canvass.csv", "text/csv");
    }

    protected static byte[] readAll(Download download) throws IOException {
        try (download) {
            return download.content().readAllBytes();
        }
    }

    @Test
    public void roundTrip() throws IOException {
        Vault vault = open(clock);
        byte[] content = content();
        Deposit deposit = vault.put(item("printer@example.org"), new ByteArrayInputStream(content));

        LinkToken parsed = LinkToken.parse(deposit.link().encoded()).orElseThrow();
        ItemInfo info = vault.describe(parsed).orElseThrow();
        assertThat(info.fileName()).isEqualTo("canvass.csv");
        assertThat(info.size()).isEqualTo(content.length);
        assertThat(info.expires()).isEqualTo(clock.instant().plus(NewItem.DEFAULT_LIFETIME)).isEqualTo(deposit.expires());
        assertThat(readAll(vault.download(parsed).orElseThrow())).isEqualTo(content);
        assertThat(vault.find(deposit.id()).orElseThrow().downloads()).isEqualTo(1);
        assertThat(vault.find(deposit.id()).orElseThrow().events()).extracting(AuditEvent::kind)
                .containsExactly(AuditKind.CREATED, AuditKind.DOWNLOADED);
        assertThat(deposit.linkUrl(java.net.URI.create("http://localhost:8080/")).toString())
                .isEqualTo("http://localhost:8080/l/" + deposit.link().encoded());
    }

    @Test
    public void emptyFileRoundTrips() throws IOException {
        Vault vault = open(clock);
        Deposit deposit = vault.put(item("a@example.org"), InputStream.nullInputStream());
        assertThat(readAll(vault.download(deposit.link()).orElseThrow())).isEmpty();
    }

    @Test
    public void wrongTokenOpensNothing() throws IOException {
        Vault vault = open(clock);
        Deposit deposit = vault.put(item("a@example.org"), new ByteArrayInputStream(content()));
        String encoded = deposit.link().encoded();
        char last = encoded.charAt(encoded.length() - 2);
        LinkToken tampered = LinkToken.parse(encoded.substring(0, encoded.length() - 2)
                + (last == 'A' ? 'B' : 'A') + encoded.charAt(encoded.length() - 1)).orElseThrow();

        assertThat(vault.describe(tampered)).isEmpty();
        assertThat(vault.download(tampered)).isEmpty();
        assertThat(LinkToken.parse("not-a-token")).isEmpty();
        assertThat(vault.find(deposit.id()).orElseThrow().downloads()).isZero();
    }

    @Test
    public void oneRecipientsLinkCannotOpenAnothersItem() throws IOException {
        Vault vault = open(clock);
        Deposit forA = vault.put(item("a@example.org"), new ByteArrayInputStream("for A".getBytes(StandardCharsets.UTF_8)));
        Deposit forB = vault.put(item("b@example.org"), new ByteArrayInputStream("for B".getBytes(StandardCharsets.UTF_8)));

        assertThat(vault.describe(forA.link()).orElseThrow().recipient()).isEqualTo("a@example.org");
        assertThat(readAll(vault.download(forA.link()).orElseThrow())).isEqualTo("for A".getBytes(StandardCharsets.UTF_8));

        // A's secret with B's link id: the key is bound to the item, so the verifier refuses it.
        byte[] a = java.util.Base64.getUrlDecoder().decode(forA.link().encoded());
        byte[] b = java.util.Base64.getUrlDecoder().decode(forB.link().encoded());
        System.arraycopy(a, LinkToken.ID_BYTES, b, LinkToken.ID_BYTES, LinkToken.SECRET_BYTES);
        LinkToken mixed = LinkToken.parse(TokenCodec.encode(b)).orElseThrow();
        assertThat(vault.describe(mixed)).isEmpty();
        assertThat(vault.download(mixed)).isEmpty();
        // A management token is not a link.
        assertThat(LinkToken.parse(forA.management().encoded())).isEmpty();
    }

    @Test
    public void storedContentHoldsNoPlaintext() throws IOException {
        open(clock).put(item("a@example.org"), new ByteArrayInputStream(content()));
        byte[] needle = "Jane Example".getBytes(StandardCharsets.UTF_8);
        List<byte[]> stored = storedContent();
        assertThat(stored).isNotEmpty();
        for (byte[] bytes : stored) {
            assertThat(indexOf(bytes, needle)).isEqualTo(-1);
        }
    }

    @Test
    public void expiredItemIsRefusedAndPurgeKeepsTheAuditTrail() throws IOException {
        Vault vault = open(clock);
        Deposit deposit = vault.put(new NewItem("s@party.example", "a@example.org", "x.csv", "text/csv",
                Duration.ofDays(1), 3), new ByteArrayInputStream(content()));
        assertThat(vault.purgeExpired()).isZero();

        clock.advance(Duration.ofDays(1));
        assertThat(vault.describe(deposit.link())).isEmpty();
        assertThat(vault.download(deposit.link())).isEmpty();
        assertThat(vault.purgeExpired()).isEqualTo(1);

        assertThat(contentStored(deposit.id())).isFalse();
        ItemInfo info = vault.find(deposit.id()).orElseThrow();
        assertThat(info.purged()).isTrue();
        assertThat(info.events()).extracting(AuditEvent::kind).containsExactly(AuditKind.CREATED, AuditKind.PURGED);
        assertThat(vault.purgeExpired()).isZero();
    }

    @Test
    public void usedUpItemIsPurged() throws IOException {
        Vault vault = open(clock);
        Deposit deposit = vault.put(new NewItem("s@party.example", "a@example.org", "x.csv", "text/csv",
                Duration.ofDays(1), 1), new ByteArrayInputStream(content()));
        readAll(vault.download(deposit.link()).orElseThrow());
        assertThat(vault.download(deposit.link())).isEmpty();
        assertThat(vault.find(deposit.id()).orElseThrow().stateAt(clock.instant())).isEqualTo("used up");
        assertThat(vault.purgeExpired()).isEqualTo(1);
        assertThat(contentStored(deposit.id())).isFalse();
    }

    @Test
    public void revokeDeletesContentAndSenderStillSeesTheTrail() throws IOException {
        Vault vault = open(clock);
        Deposit deposit = vault.put(item("a@example.org"), new ByteArrayInputStream(content()));
        ItemInfo managed = vault.manage(ManagementToken.parse(deposit.management().encoded()).orElseThrow()).orElseThrow();
        assertThat(managed.id()).isEqualTo(deposit.id());

        assertThat(vault.revoke(deposit.id(), "sender")).isTrue();
        assertThat(vault.describe(deposit.link())).isEmpty();
        assertThat(vault.download(deposit.link())).isEmpty();
        assertThat(contentStored(deposit.id())).isFalse();
        assertThat(vault.manage(deposit.management()).orElseThrow().events()).extracting(AuditEvent::kind)
                .containsExactly(AuditKind.CREATED, AuditKind.REVOKED, AuditKind.PURGED);
        assertThat(vault.revoke(new ItemId("0".repeat(64)), "admin")).isFalse();
    }

    /**
     * Someone holding a backup of the content and an old link, after the purge: with what the store keeps now, the
     * vault's own key derivation must not open the backup, whether the item was revoked or expired.
     */
    @Test
    public void aPurgedItemsBackupCannotBeOpenedWithItsOldLink() throws IOException {
        Vault vault = open(clock);
        Deposit revoked = vault.put(item("a@example.org"), new ByteArrayInputStream(content()));
        Deposit expired = vault.put(new NewItem("s@party.example", "b@example.org", "x.csv", "text/csv",
                Duration.ofDays(1), 3), new ByteArrayInputStream(content()));
        byte[] revokedBackup = backupOfContent(revoked.id());
        byte[] expiredBackup = backupOfContent(expired.id());
        // Before the purge the backup opens with the link and the stored salt: the attack below is a real one.
        assertThat(openWithStoredSalt(revoked, revokedBackup)).isEqualTo(content());

        vault.revoke(revoked.id(), "sender");
        clock.advance(Duration.ofDays(1));
        vault.purgeExpired();

        assertThatThrownBy(() -> openWithStoredSalt(revoked, revokedBackup)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> openWithStoredSalt(expired, expiredBackup)).isInstanceOf(IOException.class);
        assertThat(vault.manage(revoked.management())).as("the sender still sees the trail").isPresent();
    }

    private byte[] openWithStoredSalt(Deposit deposit, byte[] backup) throws IOException {
        try (InputStream opened = ItemSeal.open(deposit.link(), storedSalt(deposit.id()), new ByteArrayInputStream(backup))) {
            return opened.readAllBytes();
        }
    }

    /**
     * A download streaming when the sender revokes (through another node) stops instead of completing. The
     * content is 128 segments; the reader takes two, the sender revokes, and the rest of the stream must fail.
     */
    @Test
    public void revokingEndsADownloadInProgress() throws IOException {
        Vault vault = open(clock);
        byte[] large = new byte[8 * 1024 * 1024];
        new java.util.Random(19).nextBytes(large);
        Deposit deposit = vault.put(item("a@example.org"), new ByteArrayInputStream(large));
        try (Download download = vault.download(deposit.link()).orElseThrow()) {
            assertThat(download.content().readNBytes(100_000)).hasSize(100_000);
            assertThat(open(clock).revoke(deposit.id(), "sender")).isTrue();
            assertThatThrownBy(() -> download.content().readAllBytes()).isInstanceOf(IOException.class);
        }
    }

    /**
     * A link holder who views the page and tries wrong codes a thousand times each leaves a trail of bounded
     * length; what the sender must see (stored, downloaded, revoked, purged) is all there.
     */
    @Test
    public void aLinkHolderCannotGrowTheTrailWithoutBound() throws IOException {
        Vault vault = open(clock);
        Deposit deposit = vault.put(item("a@example.org"), new ByteArrayInputStream(content()));
        for (int i = 0; i < 1000; i++) {
            vault.record(deposit.id(), AuditKind.VIEWED, "link page");
            vault.record(deposit.id(), AuditKind.CODE_WRONG, "recipient");
        }
        readAll(vault.download(deposit.link()).orElseThrow());
        vault.revoke(deposit.id(), "sender");

        List<AuditEvent> trail = vault.find(deposit.id()).orElseThrow().events();
        assertThat(trail.size()).as("events kept").isLessThanOrEqualTo(50);
        assertThat(trail).extracting(AuditEvent::kind).containsOnlyOnce(AuditKind.CREATED, AuditKind.DOWNLOADED,
                AuditKind.REVOKED, AuditKind.PURGED);
        // Nothing is lost from the count: the kept entries stand for every event.
        assertThat(trail.stream().filter(e -> e.kind() == AuditKind.CODE_WRONG).mapToInt(AuditEvent::times).sum())
                .isEqualTo(1000);
        assertThat(trail.stream().filter(e -> e.kind() == AuditKind.VIEWED).mapToInt(AuditEvent::times).sum())
                .isEqualTo(1000);
    }

    /** Downloads are never folded together, however many the limit allows. */
    @Test
    public void everyDownloadIsKept() throws IOException {
        Vault vault = open(clock);
        Deposit deposit = vault.put(new NewItem("s@party.example", "a@example.org", "x.csv", "text/csv",
                Duration.ofDays(1), AuditKind.KEPT_PER_KIND + 5), new ByteArrayInputStream(content()));
        for (int i = 0; i < AuditKind.KEPT_PER_KIND + 5; i++) {
            readAll(vault.download(deposit.link()).orElseThrow());
        }
        assertThat(vault.find(deposit.id()).orElseThrow().events()).filteredOn(e -> e.kind() == AuditKind.DOWNLOADED)
                .hasSize(AuditKind.KEPT_PER_KIND + 5).allMatch(e -> e.times() == 1);
    }

    @Test
    public void recordedEventsJoinTheTrailAndListShowsNewestFirst() throws IOException {
        Vault vault = open(clock);
        Deposit first = vault.put(item("a@example.org"), new ByteArrayInputStream(content()));
        clock.advance(Duration.ofMinutes(1));
        Deposit second = vault.put(item("b@example.org"), new ByteArrayInputStream(content()));
        vault.record(first.id(), AuditKind.VIEWED, "link page\nwith a break");
        vault.record(new ItemId("f".repeat(64)), AuditKind.VIEWED, "nobody");

        assertThat(vault.list()).extracting(ItemInfo::id).containsExactly(second.id(), first.id());
        assertThat(vault.find(first.id()).orElseThrow().events()).extracting(AuditEvent::detail)
                .containsExactly("stored", "link page with a break");
        assertThat(vault.find(new ItemId("f".repeat(64)))).isEmpty();
    }

    @Test
    public void downloadLimitHoldsUnderConcurrency() throws Exception {
        Vault vault = open(clock);
        Deposit deposit = vault.put(new NewItem("s@party.example", "a@example.org", "x.csv", "text/csv",
                Duration.ofDays(1), 3), new ByteArrayInputStream(content()));
        assertThat(downloadConcurrently(deposit, 12, vault)).isEqualTo(3);
        assertThat(vault.find(deposit.id()).orElseThrow().downloads()).isEqualTo(3);
    }

    @Test
    public void downloadLimitHoldsAcrossTwoVaultObjectsOnOneStore() throws Exception {
        // Two nodes, or in one gateway JVM the wrap mailet's and the try-out portal's.
        Vault first = open(clock);
        Vault second = open(clock);
        Deposit deposit = first.put(new NewItem("s@party.example", "a@example.org", "x.csv", "text/csv",
                Duration.ofDays(1), 4), new ByteArrayInputStream(content()));
        assertThat(downloadConcurrently(deposit, 10, first, second)).isEqualTo(4);
        assertThat(second.find(deposit.id()).orElseThrow().events()).filteredOn(e -> e.kind() == AuditKind.DOWNLOADED)
                .hasSize(4);
    }

    @Test
    public void tamperedCiphertextFailsToRead() throws IOException {
        Vault vault = open(clock);
        Deposit deposit = vault.put(item("a@example.org"), new ByteArrayInputStream(content()));
        tamperWithContent(deposit.id());
        Download download = vault.download(deposit.link()).orElseThrow();
        assertThatThrownBy(() -> readAll(download)).isInstanceOf(IOException.class)
                .hasMessageContaining("integrity");
    }

    @Test
    public void tokensNeverShowInText() throws IOException {
        Deposit deposit = open(clock).put(item("a@example.org"), new ByteArrayInputStream(new byte[10]));
        assertThat(deposit.toString()).doesNotContain(deposit.link().encoded()).doesNotContain(deposit.management().encoded());
        assertThat(deposit.link().toString()).isEqualTo("LinkToken[redacted]");
    }

    /** Downloads that many times at once, spread over the vaults; returns how many were served. */
    private static int downloadConcurrently(Deposit deposit, int times, Vault... vaults) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                Vault vault = vaults[i % vaults.length];
                tries.add(() -> {
                    Optional<Download> download = vault.download(deposit.link());
                    if (download.isPresent()) {
                        readAll(download.get());
                    }
                    return download.isPresent();
                });
            }
            int served = 0;
            for (Future<Boolean> result : pool.invokeAll(tries)) {
                served += result.get() ? 1 : 0;
            }
            return served;
        } finally {
            pool.shutdownNow();
        }
    }

    protected static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
