package org.outward.console.oidc;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One OpenID provider as the settings file names it.
 *
 * @param kind             Entra ID or Google, whose rules apply
 * @param issuer           the issuer URL; its discovery document is {@code ISSUER/.well-known/openid-configuration}
 * @param clientId         the console's client id at the provider
 * @param clientSecretFile the file that holds the client secret (never the secret itself, never the command line)
 * @param redirectUri      where the provider sends the browser back: the console's {@value OidcSignIn#CALLBACK_PATH}
 *                         as the browser reaches it
 * @param tenantId         Entra: the tenant that must be in the {@code tid} claim; required with a multi-tenant
 *                         issuer ({@code common}, {@code organizations})
 * @param hostedDomain     Google: the Workspace domain that must be in the {@code hd} claim
 * @param roleClaim        a claim whose values the role mapping knows (Entra app roles: {@code roles}; groups:
 *                         {@code groups})
 */
public record ProviderSettings(ProviderKind kind, URI issuer, String clientId, Path clientSecretFile, URI redirectUri,
                               Optional<String> tenantId, Optional<String> hostedDomain, Optional<String> roleClaim) {
}
