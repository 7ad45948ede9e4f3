package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration the launcher writes holds the smart host's password (and whatever secrets an admin's own
 * folder holds), so every file of it is readable by the gateway's user only, and so is its folder.
 */
class RenderedConfigurationPermissionsTest {

    private static final String PASSWORD = "relay-pass-7f3c";

    @TempDir
    Path temp;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    @Test
    void theBuiltInConfigurationWithTheRelayPasswordIsOwnerOnly() throws Exception {
        Path conf = ConfigRenderer.render(settings(Optional.empty()));

        assertThat(Files.readString(conf.resolve("mailetcontainer.xml"))).contains(PASSWORD);
        assertOwnerOnly(conf);
    }

    @Test
    void anAdminsOwnFolderIsCopiedOwnerOnly() throws Exception {
        Path own = Files.createDirectories(temp.resolve("own"));
        try (Stream<Path> files = Files.list(Path.of("conf"))) {
            for (Path file : files.toList()) {
                Files.copy(file, own.resolve(file.getFileName()));
                Files.setPosixFilePermissions(own.resolve(file.getFileName()), PosixFilePermissions.fromString("rw-r--r--"));
            }
        }

        assertOwnerOnly(ConfigRenderer.render(settings(Optional.of(own))));
    }

    private GatewaySettings settings(Optional<Path> config) {
        return new GatewaySettings(0, 0, config, temp.resolve("work"), new OutboundRoute.Relay("127.0.0.1", 2525,
                true, Optional.of(new OutboundRoute.Credentials("relay-user", PASSWORD))));
    }

    private static void assertOwnerOnly(Path conf) throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conf))).as(conf.toString())
                .isEqualTo("rwx------");
        List<Path> files;
        try (Stream<Path> all = Files.walk(conf)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(3);
        for (Path file : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
        }
    }
}
