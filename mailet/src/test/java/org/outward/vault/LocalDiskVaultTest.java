package org.outward.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local folder vault: the {@link VaultContract}, and what only a folder on disk has to get right. */
class LocalDiskVaultTest extends VaultContract {

    @TempDir
    Path folder;

    @Override
    protected Vault open(Clock clock) throws IOException {
        return new LocalDiskVault(folder, clock);
    }

    @Override
    protected List<byte[]> storedContent() throws IOException {
        // Every file in the folder, metadata included: none may hold the plaintext.
        List<byte[]> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                all.add(Files.readAllBytes(file));
            }
        }
        return all;
    }

    @Override
    protected boolean contentStored(ItemId id) {
        return Files.exists(data(id));
    }

    @Override
    protected void tamperWithContent(ItemId id) throws IOException {
        byte[] bytes = Files.readAllBytes(data(id));
        bytes[bytes.length - 100] ^= 1;
        Files.write(data(id), bytes);
    }

    @Override
    protected byte[] backupOfContent(ItemId id) throws IOException {
        return Files.readAllBytes(data(id));
    }

    @Override
    protected byte[] storedSalt(ItemId id) throws IOException {
        return MetadataFormat.read(Files.readAllBytes(folder.resolve("items").resolve(id + ".meta"))).salt();
    }

    private Path data(ItemId id) {
        return folder.resolve("items").resolve(id + ".data");
    }

    @Test
    void filesAndFoldersAreOwnerOnly() throws IOException {
        Deposit deposit = open(clock).put(item("a@example.org"), new ByteArrayInputStream(content()));
        Path items = folder.resolve("items");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(items))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(items.resolve(deposit.id() + ".data"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(items.resolve(deposit.id() + ".meta"))))
                .isEqualTo("rw-------");
    }

    @Test
    void crashBeforeCommitLeavesNothingServable() throws Exception {
        List<Deposit> deposits = new ArrayList<>();
        // The random source is shared, so the first 16+32 bytes drawn are the link token: capture them by
        // drawing the same sequence from a second, identically seeded generator.
        SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(42L);
        SecureRandom twin = SecureRandom.getInstance("SHA1PRNG");
        twin.setSeed(42L);
        LinkToken captured = LinkToken.random(twin);
        LocalDiskVault crashing = new LocalDiskVault(folder, clock, seeded, () -> {
            throw new IOException("simulated crash");
        });
        assertThatThrownBy(() -> deposits.add(crashing.put(item("a@example.org"), new ByteArrayInputStream(content()))))
                .isInstanceOf(IOException.class);

        Vault after = open(clock);
        assertThat(after.describe(captured)).isEmpty();
        assertThat(after.download(captured)).isEmpty();
        assertThat(after.list()).isEmpty();
        assertThat(deposits).isEmpty();
    }
}
