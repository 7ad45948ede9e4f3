package org.outward.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationKeyTest {

    @TempDir
    Path folder;

    @Test
    void createdOnceOwnerOnlyAndStable() throws IOException {
        Path file = folder.resolve("keys").resolve("installation.key");
        InstallationKey first = InstallationKey.loadOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.size(file)).isEqualTo(32);
        InstallationKey again = InstallationKey.loadOrCreate(file);
        assertThat(again.hmacText("p", "v")).isEqualTo(first.hmacText("p", "v"));
    }

    @Test
    void purposesSeparateTheHashes() throws IOException {
        InstallationKey key = InstallationKey.loadOrCreate(folder.resolve("k"));
        assertThat(key.hmacText("a", "value")).isNotEqualTo(key.hmacText("b", "value"));
        assertThat(key.toString()).doesNotContain(key.hmacText("a", "value"));
    }

    @Test
    void refusesAKeyOthersCanRead() throws IOException {
        Path file = folder.resolve("k");
        InstallationKey.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> InstallationKey.loadOrCreate(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("chmod 600");
    }
}
