/**
 * Sign-in to the admin console with OpenID Connect (Microsoft Entra ID, Google), beside the local accounts.
 *
 * <p>The console is the relying party of an authorization-code flow with PKCE, state and nonce, built on Nimbus's
 * OAuth 2.0 / OpenID Connect SDK: the provider's endpoints come from its discovery document, and the ID token is
 * validated by the SDK (signature against the provider's published keys, issuer, audience, expiry, nonce), never by
 * hand. On top of that come the provider's own rules ({@link org.outward.console.oidc.ProviderRules}: an Entra
 * tenant, Google's verified e-mail and Workspace domain) and the installation's explicit mapping of e-mail
 * addresses and role claims to console roles ({@link org.outward.console.oidc.RoleMapping}): nobody gets a role by
 * default.
 *
 * <p>The settings are read from a file ({@link org.outward.console.oidc.OidcSettingsFile}), the client secret from a
 * file of its own, and checked at start ({@link org.outward.console.oidc.OidcSignIn#start}): a console that cannot
 * reach a provider's discovery, or whose settings are incomplete, does not start.
 */
package org.outward.console.oidc;
