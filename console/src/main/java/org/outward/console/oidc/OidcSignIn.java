package org.outward.console.oidc;

import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;

import org.outward.console.Account;
import org.outward.console.Role;

/**
 * The console's OpenID Connect sign-in: {@link #begin} makes a pending sign-in (state, nonce, PKCE verifier) and the
 * provider's authorization URL; {@link #finish} takes the browser's return: the pending sign-in of that browser, the
 * same state, a code that the token endpoint trades for an ID token that Nimbus validates, the provider's own rules,
 * and a role from the mapping. Every step that fails refuses, and says why.
 *
 * <pre>
 * OidcSignIn oidc = OidcSignIn.start(OidcSettingsFile.read(Path.of("console-oidc.properties")), Clock.systemUTC());
 * OidcSignIn.Begun begun = oidc.begin(ProviderKind.ENTRA, "cy").orElseThrow(); // cookie pendingId(), redirect
 * OidcResult result = oidc.finish(cookieValue, queryOfTheCallback);
 * </pre>
 */
public final class OidcSignIn {

    /** Where sign-ins start ({@code /signin/oidc/entra}) and where the providers send browsers back. */
    public static final String PATH = "/signin/oidc/";
    public static final String CALLBACK_PATH = "/signin/oidc/callback";
    /** The browser's handle on its pending sign-in. */
    public static final String COOKIE = "ow_oidc";

    private final Map<ProviderKind, Provider> providers;
    private final RoleMapping roles;
    private final boolean localSignIn;
    private final PendingSignIns pending;

    private OidcSignIn(Map<ProviderKind, Provider> providers, RoleMapping roles, boolean localSignIn, Clock clock) {
        this.providers = providers;
        this.roles = roles;
        this.localSignIn = localSignIn;
        this.pending = new PendingSignIns(clock);
    }

    /** Reads each provider's client secret and discovery document; refuses settings that cannot work. */
    public static OidcSignIn start(OidcSettings settings, Clock clock) throws OidcConfigException {
        Map<ProviderKind, Provider> discovered = new EnumMap<>(ProviderKind.class);
        for (ProviderSettings provider : settings.providers()) {
            if (discovered.containsKey(provider.kind())) {
                throw new OidcConfigException(provider.kind().word() + " is configured twice");
            }
            discovered.put(provider.kind(), Provider.discover(provider));
        }
        return new OidcSignIn(discovered, settings.roles(), settings.localSignIn(), clock);
    }

    /** The providers offered, in a stable order. */
    public List<ProviderKind> providers() {
        return List.copyOf(providers.keySet());
    }

    public boolean localSignIn() {
        return localSignIn;
    }

    /** A sign-in on its way to the provider: the id for the browser's cookie and where to send the browser. */
    public record Begun(String pendingId, URI authorization) {
        @Override
        public String toString() {
            return "Begun[" + authorization.getHost() + "]";
        }
    }

    /**
     * Starts a sign-in with this provider; empty when it is not configured or too many sign-ins wait.
     *
     * @param language the page language to answer the return in: the provider's return is cross-site, so the
     *                 browser's language cookie (Strict, as all the console's) does not come with it
     */
    public Optional<Begun> begin(ProviderKind kind, String language) {
        Provider provider = providers.get(kind);
        if (provider == null) {
            return Optional.empty();
        }
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        return pending.add(kind, state, nonce, verifier, language)
                .map(id -> new Begun(id, provider.authorization(state, nonce, verifier)));
    }

    /** The language the browser's pending sign-in began in, if it has one. */
    public Optional<String> language(String pendingId) {
        return pending.language(pendingId);
    }

    /**
     * Finishes the sign-in that this browser began.
     *
     * @param pendingId the browser's cookie, null when it sent none
     * @param query     the parameters the provider sent the browser back with
     */
    public OidcResult finish(String pendingId, Map<String, String> query) {
        Optional<PendingSignIns.Pending> taken = pending.take(pendingId);
        if (taken.isEmpty()) {
            return OidcResult.refused(Refusal.NO_PENDING_SIGN_IN, Optional.empty(), Optional.empty());
        }
        PendingSignIns.Pending begun = taken.get();
        Optional<ProviderKind> kind = Optional.of(begun.provider());
        if (!begun.state().getValue().equals(query.get("state"))) {
            return OidcResult.refused(Refusal.STATE_MISMATCH, kind, Optional.empty());
        }
        String code = query.get("code");
        if (query.containsKey("error") || code == null || code.isEmpty()) {
            return OidcResult.refused(Refusal.CANCELLED, kind, Optional.empty());
        }
        Provider provider = providers.get(begun.provider());
        Provider.Validated validated = provider.redeem(new AuthorizationCode(code), begun.verifier(), begun.nonce());
        if (validated.claims().isEmpty()) {
            return OidcResult.refused(validated.refusal().orElseThrow(), kind, Optional.empty());
        }
        IDTokenClaimsSet claims = validated.claims().get();
        ProviderRules.Identity identity = ProviderRules.identify(provider.settings(), claims);
        if (identity.address().isEmpty()) {
            return OidcResult.refused(identity.refusal().orElseThrow(), kind, Optional.empty());
        }
        String address = identity.address().get();
        Optional<Role> role = roles.roleOf(address, ProviderRules.claimedRoles(provider.settings(), claims));
        if (role.isEmpty()) {
            return OidcResult.refused(Refusal.NOT_ALLOWED, kind, Optional.of(address));
        }
        return OidcResult.signedIn(Account.signedInElsewhere(address, role.get()), begun.provider());
    }
}
