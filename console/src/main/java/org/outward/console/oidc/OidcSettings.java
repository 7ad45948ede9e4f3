package org.outward.console.oidc;

import java.util.List;

/**
 * How the console signs people in with OpenID Connect.
 *
 * @param providers   the providers offered on the sign-in page, one of each kind at most
 * @param roles       who may sign in, and as what
 * @param localSignIn whether the local accounts (password and TOTP code) may still sign in
 */
public record OidcSettings(List<ProviderSettings> providers, RoleMapping roles, boolean localSignIn) {

    public OidcSettings {
        providers = List.copyOf(providers);
    }
}
