package org.outward.console.oidc;

import java.util.Optional;

import org.outward.console.Account;

/**
 * What a return from the provider came to: a console account to start a session for, or a refusal; the provider
 * when the sign-in was known, and the verified e-mail address when the token was valid (for the audit trail: never
 * a token, never an unverified claim).
 */
public record OidcResult(Optional<Account> account, Optional<Refusal> refusal, Optional<ProviderKind> provider,
                         Optional<String> address) {

    static OidcResult signedIn(Account account, ProviderKind provider) {
        return new OidcResult(Optional.of(account), Optional.empty(), Optional.of(provider), Optional.of(account.name()));
    }

    static OidcResult refused(Refusal why, Optional<ProviderKind> provider, Optional<String> address) {
        return new OidcResult(Optional.empty(), Optional.of(why), provider, address);
    }

    public boolean succeeded() {
        return account.isPresent();
    }

    @Override
    public String toString() {
        return "OidcResult[" + refusal.map(Refusal::word).orElse("signed-in") + "]";
    }
}
