package org.outward.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDiskVaultTest {

    private static final String MARKER = "Canvass sheet KA1 elector Jane Example, 12 Any Street";

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));

    private LocalDiskVault vault() throws IOException {
        return new LocalDiskVault(folder, clock);
    }

    /** Plaintext larger than one segment, so segment boundaries are exercised. */
    private static byte[] content() {
        StringBuilder text = new StringBuilder();
        while (text.length() < 150_000) {
            text.append(MARKER).append(',').append(text.length()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static NewItem item(String recipient) {
        return NewItem.withDefaults("agent@party.example", recipient, "canvass.csv", "text/csv");
    }

    private static byte[] readAll(Download download) throws IOException {
        try (download) {
            return download.content().readAllBytes();
        }
    }

    @Test
    void roundTrip() throws IOException {
        LocalDiskVault vault = vault();
        byte[] content = content();
        Deposit deposit = vault.put(item("printer@example.org"), new ByteArrayInputStream(content));

        LinkToken parsed = LinkToken.parse(deposit.link().encoded()).orElseThrow();
        ItemInfo info = vault.describe(parsed).orElseThrow();
        assertThat(info.fileName()).isEqualTo("canvass.csv");
        assertThat(info.size()).isEqualTo(content.length);
        assertThat(info.expires()).isEqualTo(clock.instant().plus(NewItem.DEFAULT_LIFETIME));
        assertThat(readAll(vault.download(parsed).orElseThrow())).isEqualTo(content);
        assertThat(vault.find(deposit.id()).orElseThrow().downloads()).isEqualTo(1);
        assertThat(deposit.linkUrl(java.net.URI.create("http://localhost:8080/")).toString())
                .isEqualTo("http://localhost:8080/l/" + deposit.link().encoded());
    }

    @Test
    void emptyFileRoundTrips() throws IOException {
        LocalDiskVault vault = vault();
        Deposit deposit = vault.put(item("a@example.org"), InputStream.nullInputStream());
        assertThat(readAll(vault.download(deposit.link()).orElseThrow())).isEmpty();
    }

    @Test
    void wrongTokenOpensNothing() throws IOException {
        LocalDiskVault vault = vault();
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
    void oneRecipientsLinkCannotOpenAnothersItem() throws IOException {
        LocalDiskVault vault = vault();
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
    void vaultFolderHoldsNoPlaintext() throws IOException {
        LocalDiskVault vault = vault();
        vault.put(item("a@example.org"), new ByteArrayInputStream(content()));
        byte[] needle = "Jane Example".getBytes(StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(indexOf(Files.readAllBytes(file), needle)).as(file.getFileName().toString()).isEqualTo(-1);
        }
    }

    @Test
    void filesAndFoldersAreOwnerOnly() throws IOException {
        LocalDiskVault vault = vault();
        Deposit deposit = vault.put(item("a@example.org"), new ByteArrayInputStream(content()));
        Path items = folder.resolve("items");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(items))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(items.resolve(deposit.id() + ".data"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(items.resolve(deposit.id() + ".meta"))))
                .isEqualTo("rw-------");
    }

    @Test
    void expiredItemIsRefusedAndPurgeKeepsTheAuditTrail() throws IOException {
        LocalDiskVault vault = vault();
        Deposit deposit = vault.put(new NewItem("s@party.example", "a@example.org", "x.csv", "text/csv",
                Duration.ofDays(1), 3), new ByteArrayInputStream(content()));
        assertThat(vault.purgeExpired()).isZero();

        clock.advance(Duration.ofDays(1));
        assertThat(vault.describe(deposit.link())).isEmpty();
        assertThat(vault.download(deposit.link())).isEmpty();
        assertThat(vault.purgeExpired()).isEqualTo(1);

        assertThat(folder.resolve("items").resolve(deposit.id() + ".data")).doesNotExist();
        ItemInfo info = vault.find(deposit.id()).orElseThrow();
        assertThat(info.purged()).isTrue();
        assertThat(info.events()).extracting(AuditEvent::kind).containsExactly(AuditKind.CREATED, AuditKind.PURGED);
        assertThat(vault.purgeExpired()).isZero();
    }

    @Test
    void revokeDeletesContentAndSenderStillSeesTheTrail() throws IOException {
        LocalDiskVault vault = vault();
        Deposit deposit = vault.put(item("a@example.org"), new ByteArrayInputStream(content()));
        ItemInfo managed = vault.manage(ManagementToken.parse(deposit.management().encoded()).orElseThrow()).orElseThrow();
        assertThat(managed.id()).isEqualTo(deposit.id());

        assertThat(vault.revoke(deposit.id(), "sender")).isTrue();
        assertThat(vault.describe(deposit.link())).isEmpty();
        assertThat(vault.download(deposit.link())).isEmpty();
        assertThat(vault.manage(deposit.management()).orElseThrow().events()).extracting(AuditEvent::kind)
                .containsExactly(AuditKind.CREATED, AuditKind.REVOKED, AuditKind.PURGED);
    }

    @Test
    void crashBeforeCommitLeavesNothingServable() throws Exception {
        List<Deposit> deposits = new ArrayList<>();
        LinkToken[] captured = new LinkToken[1];
        // The random source is shared, so the first 16+32 bytes drawn are the link token: capture them by
        // drawing the same sequence from a second, identically seeded generator.
        SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(42L);
        SecureRandom twin = SecureRandom.getInstance("SHA1PRNG");
        twin.setSeed(42L);
        captured[0] = LinkToken.random(twin);
        LocalDiskVault crashing = new LocalDiskVault(folder, clock, seeded, () -> {
            throw new IOException("simulated crash");
        });
        assertThatThrownBy(() -> deposits.add(crashing.put(item("a@example.org"), new ByteArrayInputStream(content()))))
                .isInstanceOf(IOException.class);

        LocalDiskVault after = vault();
        assertThat(after.describe(captured[0])).isEmpty();
        assertThat(after.download(captured[0])).isEmpty();
        assertThat(after.list()).isEmpty();
        assertThat(deposits).isEmpty();
    }

    @Test
    void downloadLimitHoldsUnderConcurrency() throws Exception {
        LocalDiskVault vault = vault();
        Deposit deposit = vault.put(new NewItem("s@party.example", "a@example.org", "x.csv", "text/csv",
                Duration.ofDays(1), 3), new ByteArrayInputStream(content()));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
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
            assertThat(served).isEqualTo(3);
            assertThat(vault.find(deposit.id()).orElseThrow().downloads()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void downloadLimitHoldsAcrossTwoVaultObjectsOnOneFolder() throws Exception {
        // The gateway's JVM holds two: the wrap mailet's and the try-out portal's.
        LocalDiskVault first = vault();
        LocalDiskVault second = vault();
        Deposit deposit = first.put(new NewItem("s@party.example", "a@example.org", "x.csv", "text/csv",
                Duration.ofDays(1), 4), new ByteArrayInputStream(content()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                LocalDiskVault vault = i % 2 == 0 ? first : second;
                tries.add(() -> {
                    Optional<Download> download = vault.download(deposit.link());
                    if (download.isPresent()) {
                        download.get().close();
                    }
                    return download.isPresent();
                });
            }
            int served = 0;
            for (Future<Boolean> result : pool.invokeAll(tries)) {
                served += result.get() ? 1 : 0;
            }
            assertThat(served).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tamperedCiphertextFailsToRead() throws IOException {
        LocalDiskVault vault = vault();
        Deposit deposit = vault.put(item("a@example.org"), new ByteArrayInputStream(content()));
        Path data = folder.resolve("items").resolve(deposit.id() + ".data");
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length - 100] ^= 1;
        Files.write(data, bytes);
        Download download = vault.download(deposit.link()).orElseThrow();
        assertThatThrownBy(() -> readAll(download)).isInstanceOf(IOException.class)
                .hasMessageContaining("integrity");
    }

    @Test
    void tokensNeverShowInText() throws IOException {
        Deposit deposit = vault().put(item("a@example.org"), new ByteArrayInputStream(new byte[10]));
        assertThat(deposit.toString()).doesNotContain(deposit.link().encoded()).doesNotContain(deposit.management().encoded());
        assertThat(deposit.link().toString()).isEqualTo("LinkToken[redacted]");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
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

    /** A clock the test moves by hand. */
    static final class MutableClock extends java.time.Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
