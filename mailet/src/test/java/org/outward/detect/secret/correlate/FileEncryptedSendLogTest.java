package org.outward.detect.secret.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.installation.InstallationKey;

/** The single-node correlation state: the {@link EncryptedSendLogContract}, and what only a file has to get right. */
class FileEncryptedSendLogTest extends EncryptedSendLogContract {

    @TempDir
    Path folder;

    private Path state() {
        return folder.resolve("correlation").resolve("encrypted-sends");
    }

    @Override
    protected EncryptedSendLog open(InstallationKey key, Duration window) {
        return new FileEncryptedSendLog(state(), key, window, clock);
    }

    @Override
    protected String storedText() {
        try {
            return Files.exists(state()) ? Files.readString(state(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFileIsTheOwnersOnlyAndLeavesNoTemporaryFile() throws Exception {
        open(key, Duration.ofDays(7)).record(SAM, JO, "Ward list.zip", clock.instant());
        assertThat(storedText()).doesNotContain("Ward list");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state()))).isEqualTo("rw-------");
        try (var files = Files.list(state().getParent())) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void linesWrittenBeforeChecksWereKeptAreReadAsSendsWithoutOne() throws Exception {
        Files.createDirectories(state().getParent());
        Files.writeString(state(), String.join("\t", "v1", AddressKey.of(key, SAM), AddressKey.of(key, JO),
                Long.toString(MONDAY.getEpochSecond()), java.util.Base64.getEncoder()
                        .encodeToString("old.zip".getBytes(StandardCharsets.UTF_8))) + "\n");

        assertThat(open(key, Duration.ofDays(7)).recent(SAM, JO))
                .containsExactly(new EncryptedSend("old.zip", MONDAY, SealedCheck.NONE));
    }

    @Test
    void forgottenSendsLeaveTheFile() {
        EncryptedSendLog log = open(key, Duration.ofDays(7));
        log.record(SAM, JO, "a.zip", clock.instant());
        clock.advance(Duration.ofDays(8));
        log.expire();
        assertThat(storedText()).isEmpty();
    }

    @Test
    void unreadableLinesAreDroppedNotFatal() throws Exception {
        Files.createDirectories(state().getParent());
        Files.writeString(state(), "garbage\nv1\tx\ty\tnot-a-number\tAAAA\n");
        assertThat(open(key, Duration.ofDays(7)).recent(SAM, JO)).isEmpty();
    }
}
