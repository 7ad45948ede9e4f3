package org.outward.console;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a sign-in: name, password and a TOTP code together, so a failure never says which one was wrong. An
 * account is locked for a while after repeated failures (against guessing), and a TOTP code is good once: a code
 * of a step at or before the last one used for that account is refused (against a code seen over a shoulder or
 * replayed from a captured request). The users file is read on every sign-in, so an added user can sign in at once.
 */
final class SignIn {

    /** What a sign-in came to. */
    enum Outcome { SIGNED_IN, REFUSED, LOCKED }

    /**
     * The outcome, the account when signed in, and the name typed when an account has it (else nothing: people type
     * their password into the name field, and it must not reach the audit trail).
     */
    record Result(Outcome outcome, Optional<Account> account, Optional<String> knownName) {
    }

    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** Checked against when the name is unknown, so that an unknown name takes as long as a wrong password. */
    private static final String DECOY = PasswordHash.of("decoy".toCharArray());

    private record Failures(int count, Instant lockedUntil) {
    }

    private final UsersFile users;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> lastStep = new ConcurrentHashMap<>();

    SignIn(UsersFile users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    synchronized Result check(String name, String password, String code) throws IOException {
        Instant now = clock.instant();
        String key = name == null ? "" : name;
        Failures failed = failures.get(key);
        Optional<Account> account = name == null || name.isEmpty() ? Optional.empty() : users.find(name);
        Optional<String> known = account.map(Account::name);
        if (failed != null && failed.lockedUntil() != null && now.isBefore(failed.lockedUntil())) {
            return new Result(Outcome.LOCKED, Optional.empty(), known);
        }
        char[] typed = password == null ? new char[0] : password.toCharArray();
        boolean passwordRight = PasswordHash.matches(typed, account.map(Account::passwordHash).orElse(DECOY))
                && account.isPresent();
        OptionalLong step = account.map(a -> Totp.step(a.totpSecret(), code, now)).orElse(OptionalLong.empty());
        boolean codeFresh = step.isPresent() && step.getAsLong() > lastStep.getOrDefault(key, Long.MIN_VALUE);
        if (passwordRight && codeFresh) {
            lastStep.put(key, step.getAsLong());
            failures.remove(key);
            return new Result(Outcome.SIGNED_IN, account, known);
        }
        int count = (failed == null ? 0 : failed.count()) + 1;
        if (count >= MAX_FAILURES) {
            failures.put(key, new Failures(0, now.plus(LOCKOUT)));
            return new Result(Outcome.LOCKED, Optional.empty(), known);
        }
        failures.put(key, new Failures(count, null));
        return new Result(Outcome.REFUSED, Optional.empty(), known);
    }
}
