package org.outward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.outward.vault.ItemId;

/**
 * What every {@link PortalState} must do, wherever it keeps codes, tries and sessions. An implementation's test
 * extends this and says how to open a state on its store.
 */
public abstract class PortalStateContract {

    protected static final PortalConfig.Limits LIMITS = PortalConfig.Limits.DEFAULTS;
    protected final TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));

    /** The portal key every state of a test is opened with, as the nodes of one portal share it. */
    protected final PortalKey key = PortalKey.random();

    /** A portal state on the store under test, with {@link #key}. */
    protected abstract PortalState open(PortalConfig.Limits limits, Clock clock) throws IOException;

    /** What the store keeps for the item's live code, read behind the state's back as an intruder would. */
    protected abstract byte[] storedCode(PortalState state, ItemId id) throws IOException;

    protected static ItemId item(char c) {
        return new ItemId(String.valueOf(c).repeat(64));
    }

    private static String wrong(String right) {
        return right.equals("00000000") ? "11111111" : "00000000";
    }

    @Test
    public void aRightCodeIsAcceptedOnce() throws IOException {
        OneTimeCodes codes = open(LIMITS, clock).codes();
        String code = codes.issue(item('a')).orElseThrow();
        assertThat(code).hasSize(LIMITS.codeDigits()).containsOnlyDigits();
        assertThat(codes.verify(item('a'), code.substring(0, 4) + " " + code.substring(4)).outcome())
                .isEqualTo(OneTimeCodes.Outcome.ACCEPTED);
        assertThat(codes.verify(item('a'), code).outcome()).isEqualTo(OneTimeCodes.Outcome.WRONG);
    }

    @Test
    public void aCodeIsForItsItemOnly() throws IOException {
        OneTimeCodes codes = open(LIMITS, clock).codes();
        String code = codes.issue(item('a')).orElseThrow();
        assertThat(codes.verify(item('b'), code).outcome()).isEqualTo(OneTimeCodes.Outcome.WRONG);
        assertThat(codes.verify(item('a'), code).outcome()).isEqualTo(OneTimeCodes.Outcome.ACCEPTED);
    }

    @Test
    public void aNewCodeReplacesTheOldOne() throws IOException {
        OneTimeCodes codes = open(LIMITS, clock).codes();
        String first = codes.issue(item('a')).orElseThrow();
        String second = codes.issue(item('a')).orElseThrow();
        if (!first.equals(second)) {
            assertThat(codes.verify(item('a'), first).outcome()).isEqualTo(OneTimeCodes.Outcome.WRONG);
        }
        assertThat(codes.verify(item('a'), second).outcome()).isEqualTo(OneTimeCodes.Outcome.ACCEPTED);
    }

    @Test
    public void anExpiredCodeIsRefused() throws IOException {
        OneTimeCodes codes = open(LIMITS, clock).codes();
        String code = codes.issue(item('a')).orElseThrow();
        clock.advance(LIMITS.codeLifetime());
        assertThat(codes.verify(item('a'), code).outcome()).isEqualTo(OneTimeCodes.Outcome.WRONG);
    }

    @Test
    public void wrongTriesCountAcrossCodesThenLockForAWhile() throws IOException {
        OneTimeCodes codes = open(LIMITS, clock).codes();
        String code = codes.issue(item('a')).orElseThrow();
        assertThat(codes.verify(item('a'), wrong(code))).isEqualTo(new OneTimeCodes.Check(OneTimeCodes.Outcome.WRONG, 4));
        assertThat(codes.verify(item('a'), wrong(code))).isEqualTo(new OneTimeCodes.Check(OneTimeCodes.Outcome.WRONG, 3));
        codes.forgetOld();
        code = codes.issue(item('a')).orElseThrow();
        assertThat(codes.verify(item('a'), wrong(code))).isEqualTo(new OneTimeCodes.Check(OneTimeCodes.Outcome.WRONG, 2));
        assertThat(codes.verify(item('a'), wrong(code))).isEqualTo(new OneTimeCodes.Check(OneTimeCodes.Outcome.WRONG, 1));
        assertThat(codes.verify(item('a'), wrong(code)).outcome()).isEqualTo(OneTimeCodes.Outcome.LOCKED);

        assertThat(codes.locked(item('a'))).isTrue();
        assertThat(codes.locked(item('b'))).isFalse();
        assertThat(codes.verify(item('a'), code).outcome()).isEqualTo(OneTimeCodes.Outcome.LOCKED);
        assertThat(codes.issue(item('a'))).isEmpty();
        codes.forgetOld();
        assertThat(codes.locked(item('a'))).isTrue();

        clock.advance(LIMITS.lockFor());
        assertThat(codes.locked(item('a'))).isFalse();
        String fresh = codes.issue(item('a')).orElseThrow();
        assertThat(codes.verify(item('a'), wrong(fresh))).isEqualTo(new OneTimeCodes.Check(OneTimeCodes.Outcome.WRONG, 4));
        assertThat(codes.verify(item('a'), fresh).outcome()).isEqualTo(OneTimeCodes.Outcome.ACCEPTED);
    }

    @Test
    public void onlySoManyCodesAreSentPerWindow() throws IOException {
        OneTimeCodes codes = open(LIMITS, clock).codes();
        String last = "";
        for (int i = 0; i < LIMITS.codesPerLink(); i++) {
            last = codes.issue(item('a')).orElseThrow();
        }
        assertThat(codes.issue(item('a'))).isEmpty();
        assertThat(codes.locked(item('a'))).isFalse();
        assertThat(codes.issue(item('b'))).isPresent();
        codes.forgetOld();
        assertThat(codes.verify(item('a'), last).outcome()).isEqualTo(OneTimeCodes.Outcome.ACCEPTED);
        assertThat(codes.issue(item('a'))).as("a right code does not reset the count").isEmpty();
        clock.advance(LIMITS.codeWindow());
        assertThat(codes.issue(item('a'))).isPresent();
    }

    @Test
    public void concurrentWrongTriesNeverExceedTheLimit() throws Exception {
        OneTimeCodes codes = open(LIMITS, clock).codes();
        String code = codes.issue(item('a')).orElseThrow();
        List<OneTimeCodes.Outcome> outcomes = tryConcurrently(20, wrong(code), codes);
        assertThat(outcomes).filteredOn(o -> o == OneTimeCodes.Outcome.WRONG).hasSize(LIMITS.codeTries() - 1);
        assertThat(outcomes).filteredOn(o -> o == OneTimeCodes.Outcome.LOCKED).hasSize(20 - LIMITS.codeTries() + 1);
        assertThat(codes.verify(item('a'), code).outcome()).isEqualTo(OneTimeCodes.Outcome.LOCKED);
    }

    /**
     * The intruder's attack on a copy of the store: try codes until one hashes to the stored value. The search
     * runs over the slice of 100,000 codes that holds the real one, so the test stays quick; the whole 8-digit
     * space is only a thousand times larger. Nothing about the code itself is printed.
     */
    @Test
    public void aStoredCodeCannotBeFoundByTryingCodesWithoutTheKey() throws IOException {
        PortalState state = open(LIMITS, clock);
        String code = state.codes().issue(item('a')).orElseThrow();
        byte[] stored = storedCode(state, item('a'));
        int slice = Integer.parseInt(code) / 100_000 * 100_000;
        assertThat(search(slice, stored, PortalStateContract::sha256).isPresent())
                .as("an unkeyed hash of the stored code is found by trying codes").isFalse();
        PortalKey guessed = PortalKey.random();
        assertThat(search(slice, stored, c -> guessed.codeMac(item('a'), c)).isPresent())
                .as("a MAC under another key finds the code").isFalse();
        assertThat(search(slice, stored, c -> key.codeMac(item('b'), c)).isPresent())
                .as("the portal's MAC for another item finds the code").isFalse();
        // The same search does find the code with the portal's key: it would have found an unkeyed hash.
        assertThat(search(slice, stored, c -> key.codeMac(item('a'), c))).hasValueSatisfying(
                found -> assertThat(found.equals(code)).as("the search with the key finds the code").isTrue());
    }

    /** The code in [from, from + 100,000) whose value under {@code f} is the stored one. */
    protected static java.util.Optional<String> search(int from, byte[] stored,
                                                       java.util.function.Function<String, byte[]> f) {
        for (int n = from; n < from + 100_000; n++) {
            String candidate = String.format("%08d", n);
            if (java.security.MessageDigest.isEqual(f.apply(candidate), stored)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void aSessionOpensItsItemOnlyAndEnds() throws IOException {
        Sessions sessions = open(LIMITS, clock).sessions();
        String id = sessions.open(item('a'));
        assertThat(sessions.allows(id, item('a'))).isTrue();
        assertThat(sessions.allows(id, item('b'))).isFalse();
        assertThat(sessions.allows(null, item('a'))).isFalse();
        assertThat(sessions.allows(Sessions.newId(new java.security.SecureRandom()), item('a'))).isFalse();
        assertThat(sessions.allows("not a session", item('a'))).isFalse();
        sessions.forgetOld();
        assertThat(sessions.allows(id, item('a'))).isTrue();
        clock.advance(sessions.lifetime());
        assertThat(sessions.allows(id, item('a'))).isFalse();
        sessions.forgetOld();
        assertThat(sessions.lifetime()).isEqualTo(LIMITS.sessionLifetime());
    }

    @Test
    public void theCsrfKeyIsLongAndStable() throws IOException {
        PortalState state = open(LIMITS, clock);
        assertThat(state.csrfKey()).hasSizeGreaterThanOrEqualTo(32).isEqualTo(state.csrfKey());
    }

    /** Tries the same code that many times at once, spread over the stores; the outcomes, in no order. */
    protected static List<OneTimeCodes.Outcome> tryConcurrently(int times, String attempt, OneTimeCodes... stores)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<OneTimeCodes.Outcome>> tries = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                OneTimeCodes codes = stores[i % stores.length];
                tries.add(() -> codes.verify(item('a'), attempt).outcome());
            }
            List<OneTimeCodes.Outcome> outcomes = new ArrayList<>();
            for (Future<OneTimeCodes.Outcome> result : pool.invokeAll(tries)) {
                outcomes.add(result.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
