package org.outward.console.oidc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;

/**
 * What a provider's valid ID token must say beyond what OpenID Connect itself checks, and whose e-mail address it
 * vouches for:
 * <ul>
 *   <li>Entra ID: with a tenant configured, the {@code tid} claim is that tenant (with a tenant's own issuer, the
 *       issuer check already pins it). The address is the {@code email} claim, else {@code preferred_username}.</li>
 *   <li>Google: {@code email_verified} is true, and with a Workspace domain configured, {@code hd} is that domain.</li>
 *   <li>Any provider: an {@code email_verified} claim that is present and false refuses the sign-in.</li>
 * </ul>
 */
final class ProviderRules {

    /** An address, or why there is none. */
    record Identity(Optional<String> address, Optional<Refusal> refusal) {
    }

    private ProviderRules() {
    }

    static Identity identify(ProviderSettings provider, IDTokenClaimsSet claims) {
        if (provider.kind() == ProviderKind.ENTRA && provider.tenantId().isPresent()
                && !provider.tenantId().get().equalsIgnoreCase(text(claims, "tid").orElse(""))) {
            return refused(Refusal.WRONG_TENANT);
        }
        Optional<Boolean> verified = flag(claims, "email_verified");
        Optional<String> email = text(claims, "email");
        if (verified.isPresent() && !verified.get()
                || provider.kind() == ProviderKind.GOOGLE && !verified.orElse(false)) {
            return refused(Refusal.EMAIL_NOT_VERIFIED);
        }
        if (provider.hostedDomain().isPresent()
                && !provider.hostedDomain().get().equalsIgnoreCase(text(claims, "hd").orElse(""))) {
            return refused(Refusal.WRONG_DOMAIN);
        }
        Optional<String> address = provider.kind() == ProviderKind.ENTRA && email.isEmpty()
                ? text(claims, "preferred_username") : email;
        if (address.isEmpty() || address.get().length() > 254
                || !address.get().matches("[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")) {
            return refused(Refusal.NO_ADDRESS);
        }
        return new Identity(Optional.of(address.get().toLowerCase(Locale.ROOT)), Optional.empty());
    }

    /** The values of the provider's role claim, if it has one configured (a list, or one text). */
    static List<String> claimedRoles(ProviderSettings provider, IDTokenClaimsSet claims) {
        if (provider.roleClaim().isEmpty()) {
            return List.of();
        }
        Object value = claims.getClaim(provider.roleClaim().get());
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return value instanceof String one ? List.of(one) : List.of();
    }

    private static Identity refused(Refusal why) {
        return new Identity(Optional.empty(), Optional.of(why));
    }

    private static Optional<String> text(IDTokenClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text && !text.isBlank() ? Optional.of(text.trim()) : Optional.empty();
    }

    /** A boolean claim; some providers have sent it as the text "true". */
    private static Optional<Boolean> flag(IDTokenClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        if (value instanceof Boolean bool) {
            return Optional.of(bool);
        }
        return value instanceof String text ? Optional.of("true".equalsIgnoreCase(text)) : Optional.empty();
    }
}
