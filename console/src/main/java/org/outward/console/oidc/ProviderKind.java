package org.outward.console.oidc;

import java.util.Locale;

/**
 * The providers the console knows the rules of. The word names the provider in the settings file, in the sign-in
 * path ({@code /signin/oidc/entra}), in the button's words ({@code signin_with_entra}) and in the audit trail's
 * method ({@code oidc:entra}).
 */
public enum ProviderKind {
    /** Microsoft Entra ID (Azure AD): the tenant's own issuer, or a pinned tenant checked by the {@code tid} claim. */
    ENTRA,
    /** Google accounts: a verified e-mail address, optionally of one Workspace domain ({@code hd}). */
    GOOGLE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How the audit trail names a sign-in through this provider. */
    public String auditMethod() {
        return "oidc:" + word();
    }
}
