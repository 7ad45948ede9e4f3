package org.outward.detect.secret.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.installation.InstallationKey;

class FileEncryptedSendLogTest {

    private static final String SAM = "sam.evans@party.example";
    private static final String JO = "jo.price@example.org";
    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");

    @TempDir
    Path folder;

    private InstallationKey key;
    private TestClock clock;
    private Path state;

    @BeforeEach
    void setUp() {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 7);
        key = InstallationKey.of(bytes);
        clock = new TestClock(MONDAY);
        state = folder.resolve("correlation").resolve("encrypted-sends");
    }

    private FileEncryptedSendLog open(Duration window) {
        return new FileEncryptedSendLog(state, key, window, clock);
    }

    @Test
    void remembersTheSendWithinTheWindow() {
        FileEncryptedSendLog log = open(Duration.ofDays(7));
        log.record(SAM, JO, "Ward list (final).zip", clock.instant());
        clock.advance(Duration.ofDays(6));
        assertThat(log.recent(SAM, JO)).containsExactly(new EncryptedSend("Ward list (final).zip", MONDAY));
    }

    @Test
    void addressesMatchWhateverTheirCase() {
        FileEncryptedSendLog log = open(Duration.ofDays(7));
        log.record(" Sam.Evans@Party.Example", JO, "a.zip", clock.instant());
        assertThat(log.recent(SAM, JO.toUpperCase())).hasSize(1);
    }

    @Test
    void otherPairsAreNotConfused() {
        FileEncryptedSendLog log = open(Duration.ofDays(7));
        log.record(SAM, JO, "a.zip", clock.instant());
        assertThat(log.recent(JO, SAM)).isEmpty();
        assertThat(log.recent(SAM, "someone@else.org")).isEmpty();
    }

    @Test
    void forgetsAfterTheWindow() {
        FileEncryptedSendLog log = open(Duration.ofDays(7));
        log.record(SAM, JO, "a.zip", clock.instant());
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThat(log.recent(SAM, JO)).isEmpty();
        log.expire();
        assertThat(contents()).isEmpty();
    }

    @Test
    void theWindowIsConfigurable() {
        FileEncryptedSendLog log = open(Duration.ofDays(1));
        log.record(SAM, JO, "a.zip", clock.instant());
        clock.advance(Duration.ofHours(25));
        assertThat(log.recent(SAM, JO)).isEmpty();
    }

    @Test
    void newestFirst() {
        FileEncryptedSendLog log = open(Duration.ofDays(7));
        log.record(SAM, JO, "old.zip", clock.instant());
        clock.advance(Duration.ofDays(1));
        log.record(SAM, JO, "new.zip", clock.instant());
        assertThat(log.recent(SAM, JO)).extracting(EncryptedSend::fileName).containsExactly("new.zip", "old.zip");
    }

    @Test
    void survivesARestartAndExpiresOnLoad() {
        FileEncryptedSendLog first = open(Duration.ofDays(7));
        first.record(SAM, JO, "kept.zip", clock.instant());
        first.record(SAM, JO, "aged.zip", clock.instant().minus(Duration.ofDays(6)));
        clock.advance(Duration.ofDays(2));
        FileEncryptedSendLog second = open(Duration.ofDays(7));
        assertThat(second.recent(SAM, JO)).extracting(EncryptedSend::fileName).containsExactly("kept.zip");
    }

    @Test
    void theStateHoldsNoAddressAndIsTheOwnersOnly() throws Exception {
        open(Duration.ofDays(7)).record(SAM, JO, "Ward list.zip", clock.instant());
        String text = contents();
        assertThat(text).doesNotContainIgnoringCase("sam").doesNotContainIgnoringCase("party.example")
                .doesNotContainIgnoringCase("jo.price").doesNotContain("Ward list");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rw-------");
        assertThat(Files.list(state.getParent()).filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }

    @Test
    void hashesAreKeyed() throws Exception {
        open(Duration.ofDays(7)).record(SAM, JO, "a.zip", clock.instant());
        String withOneKey = contents();
        Files.delete(state);
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 9);
        new FileEncryptedSendLog(state, InstallationKey.of(other), Duration.ofDays(7), clock)
                .record(SAM, JO, "a.zip", clock.instant());
        assertThat(contents()).isNotEqualTo(withOneKey);
        // And a log opened with another key does not recognise the pair.
        assertThat(new FileEncryptedSendLog(state, key, Duration.ofDays(7), clock).recent(SAM, JO)).isEmpty();
    }

    @Test
    void unreadableLinesAreDroppedNotFatal() throws Exception {
        Files.createDirectories(state.getParent());
        Files.writeString(state, "garbage\nv1\tx\ty\tnot-a-number\tAAAA\n");
        assertThat(open(Duration.ofDays(7)).recent(SAM, JO)).isEmpty();
    }

    @Test
    void safeUnderConcurrentUse() throws Exception {
        FileEncryptedSendLog log = open(Duration.ofDays(7));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    log.record(SAM, "r" + thread + "@example.org", "f" + i + ".zip", clock.instant());
                    log.recent(SAM, "r" + thread + "@example.org");
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (int t = 0; t < 4; t++) {
            assertThat(log.recent(SAM, "r" + t + "@example.org")).hasSize(10);
        }
        assertThat(open(Duration.ofDays(7)).recent(SAM, "r3@example.org")).hasSize(10);
    }

    @Test
    void eachPairKeepsOnlyItsNewestEntries() {
        FileEncryptedSendLog log = open(Duration.ofDays(7));
        for (int i = 0; i < FileEncryptedSendLog.MAX_PER_PAIR + 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            log.record(SAM, JO, "f" + i + ".zip", clock.instant());
        }
        assertThat(log.recent(SAM, JO)).hasSize(FileEncryptedSendLog.MAX_PER_PAIR)
                .first().extracting(EncryptedSend::fileName).isEqualTo("f24.zip");
    }

    private String contents() {
        try {
            return Files.readString(state, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
