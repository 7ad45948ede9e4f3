package org.outward.detect.secret.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.outward.installation.InstallationKey;

/**
 * What every {@link EncryptedSendLog} must do, wherever it keeps its state. An implementation's test extends this
 * and says how to open a log on its store and how to read what the store holds.
 */
public abstract class EncryptedSendLogContract {

    protected static final String SAM = "sam.evans@party.example";
    protected static final String JO = "jo.price@example.org";
    protected static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");

    protected final TestClock clock = new TestClock(MONDAY);
    protected final InstallationKey key = key((byte) 7);

    /** A log on the store under test; a second call is a restart on the same store. */
    protected abstract EncryptedSendLog open(InstallationKey key, Duration window);

    /** Everything the store holds, as text, to check no address or file name is readable in it. */
    protected abstract String storedText();

    protected static InstallationKey key(byte fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, fill);
        return InstallationKey.of(bytes);
    }

    private EncryptedSendLog open(Duration window) {
        return open(key, window);
    }

    @Test
    public void remembersTheSendWithinTheWindow() {
        EncryptedSendLog log = open(Duration.ofDays(7));
        log.record(SAM, JO, "Ward list (final).zip", clock.instant());
        clock.advance(Duration.ofDays(6));
        assertThat(log.recent(SAM, JO)).containsExactly(new EncryptedSend("Ward list (final).zip", MONDAY));
    }

    @Test
    public void keepsTheSealedCheckWithItsSend() {
        EncryptedSendLog log = open(Duration.ofDays(7));
        SealedCheck check = SealedCheck.of("sealed bytes as the correlator makes them".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        log.record(SAM, JO, "checked.7z", clock.instant(), check);
        log.record(SAM, JO, "unchecked.zip", clock.instant().plusSeconds(1));

        assertThat(open(Duration.ofDays(7)).recent(SAM, JO)).containsExactly(
                new EncryptedSend("unchecked.zip", MONDAY.plusSeconds(1), SealedCheck.NONE),
                new EncryptedSend("checked.7z", MONDAY, check));
    }

    @Test
    public void addressesMatchWhateverTheirCase() {
        EncryptedSendLog log = open(Duration.ofDays(7));
        log.record(" Sam.Evans@Party.Example", JO, "a.zip", clock.instant());
        assertThat(log.recent(SAM, JO.toUpperCase())).hasSize(1);
    }

    @Test
    public void otherPairsAreNotConfused() {
        EncryptedSendLog log = open(Duration.ofDays(7));
        log.record(SAM, JO, "a.zip", clock.instant());
        assertThat(log.recent(JO, SAM)).isEmpty();
        assertThat(log.recent(SAM, "someone@else.org")).isEmpty();
    }

    @Test
    public void forgetsAfterTheWindow() {
        EncryptedSendLog log = open(Duration.ofDays(7));
        log.record(SAM, JO, "a.zip", clock.instant());
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThat(log.recent(SAM, JO)).isEmpty();
        log.expire();
        assertThat(storedText()).doesNotContain(AddressKey.of(key, SAM));
    }

    @Test
    public void theWindowIsConfigurable() {
        EncryptedSendLog log = open(Duration.ofDays(1));
        log.record(SAM, JO, "a.zip", clock.instant());
        clock.advance(Duration.ofHours(25));
        assertThat(log.recent(SAM, JO)).isEmpty();
    }

    @Test
    public void newestFirst() {
        EncryptedSendLog log = open(Duration.ofDays(7));
        log.record(SAM, JO, "old.zip", clock.instant());
        clock.advance(Duration.ofDays(1));
        log.record(SAM, JO, "new.zip", clock.instant());
        assertThat(log.recent(SAM, JO)).extracting(EncryptedSend::fileName).containsExactly("new.zip", "old.zip");
    }

    @Test
    public void survivesARestart() {
        EncryptedSendLog first = open(Duration.ofDays(7));
        first.record(SAM, JO, "kept.zip", clock.instant());
        first.record(SAM, JO, "aged.zip", clock.instant().minus(Duration.ofDays(6)));
        clock.advance(Duration.ofDays(2));
        EncryptedSendLog second = open(Duration.ofDays(7));
        assertThat(second.recent(SAM, JO)).extracting(EncryptedSend::fileName).containsExactly("kept.zip");
    }

    @Test
    public void theStateHoldsNoAddressInTheClear() {
        open(Duration.ofDays(7)).record(SAM, JO, "Ward list.zip", clock.instant());
        assertThat(storedText()).doesNotContainIgnoringCase("sam").doesNotContainIgnoringCase("party.example")
                .doesNotContainIgnoringCase("jo.price");
    }

    @Test
    public void aLogWithAnotherKeyDoesNotRecogniseThePair() {
        open(Duration.ofDays(7)).record(SAM, JO, "a.zip", clock.instant());
        assertThat(open(key((byte) 9), Duration.ofDays(7)).recent(SAM, JO)).isEmpty();
    }

    @Test
    public void safeUnderConcurrentUse() throws Exception {
        EncryptedSendLog log = open(Duration.ofDays(7));
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
    public void eachPairKeepsOnlyItsNewestEntries() {
        EncryptedSendLog log = open(Duration.ofDays(7));
        for (int i = 0; i < FileEncryptedSendLog.MAX_PER_PAIR + 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            log.record(SAM, JO, "f" + i + ".zip", clock.instant());
        }
        assertThat(log.recent(SAM, JO)).hasSize(FileEncryptedSendLog.MAX_PER_PAIR)
                .first().extracting(EncryptedSend::fileName).isEqualTo("f24.zip");
    }
}
