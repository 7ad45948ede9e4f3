package org.outward.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.portal.TestClock;

class SignInTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final String secret = Totp.newSecret();
    private SignIn signIn;

    @BeforeEach
    void users() throws Exception {
        UsersFile users = new UsersFile(folder.resolve("users"));
        users.put(new Account("admin", Role.ADMIN, PasswordHash.of(PASSWORD.toCharArray()), secret));
        signIn = new SignIn(users, clock);
    }

    private String code() {
        return Totp.code(secret, clock.instant());
    }

    @Test
    void theRightPasswordAndCodeSignIn() throws Exception {
        SignIn.Result result = signIn.check("admin", PASSWORD, code());

        assertThat(result.outcome()).isEqualTo(SignIn.Outcome.SIGNED_IN);
        assertThat(result.account()).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.ADMIN));
    }

    @Test
    void aCodeIsGoodOnceAndAnEarlierOneNever() throws Exception {
        String first = code();
        assertThat(signIn.check("admin", PASSWORD, first).outcome()).isEqualTo(SignIn.Outcome.SIGNED_IN);
        assertThat(signIn.check("admin", PASSWORD, first).outcome()).isEqualTo(SignIn.Outcome.REFUSED);

        String earlier = Totp.code(secret, clock.instant().minusSeconds(30));
        assertThat(signIn.check("admin", PASSWORD, earlier).outcome()).isEqualTo(SignIn.Outcome.REFUSED);
        clock.advance(Duration.ofSeconds(30));
        assertThat(signIn.check("admin", PASSWORD, code()).outcome()).isEqualTo(SignIn.Outcome.SIGNED_IN);
    }

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPasswordUntilTheLockoutEnds() throws Exception {
        for (int i = 1; i < SignIn.MAX_FAILURES; i++) {
            assertThat(signIn.check("admin", "guess " + i, code()).outcome()).isEqualTo(SignIn.Outcome.REFUSED);
        }
        assertThat(signIn.check("admin", "guess 5", code()).outcome()).isEqualTo(SignIn.Outcome.LOCKED);
        assertThat(signIn.check("admin", PASSWORD, code()).outcome()).isEqualTo(SignIn.Outcome.LOCKED);

        clock.advance(SignIn.LOCKOUT.plusSeconds(1));
        assertThat(signIn.check("admin", PASSWORD, code()).outcome()).isEqualTo(SignIn.Outcome.SIGNED_IN);
    }

    @Test
    void anUnknownUserOrAMissingCodeIsRefusedAlike() throws Exception {
        assertThat(signIn.check("nobody", PASSWORD, code()).outcome()).isEqualTo(SignIn.Outcome.REFUSED);
        assertThat(signIn.check("admin", PASSWORD, "").outcome()).isEqualTo(SignIn.Outcome.REFUSED);
        assertThat(signIn.check("admin", "", code()).outcome()).isEqualTo(SignIn.Outcome.REFUSED);
    }
}
