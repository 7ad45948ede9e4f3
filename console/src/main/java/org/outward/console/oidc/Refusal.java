package org.outward.console.oidc;

/**
 * Why an OpenID Connect sign-in did not sign anyone in. The word goes into the operator's log; the page shows only
 * {@link #NOT_ALLOWED} apart from the rest, so that a person whose account is simply not mapped knows whom to ask.
 */
public enum Refusal {
    /** The provider answered with an error (the person cancelled, or the provider refused them). */
    CANCELLED,
    /** No sign-in of this browser is waiting: state missing, unknown, already used or too old. */
    NO_PENDING_SIGN_IN,
    /** The state sent back is not the one this browser's sign-in was sent out with. */
    STATE_MISMATCH,
    /** The token endpoint did not give tokens for the code. */
    TOKEN_REQUEST_FAILED,
    /** The ID token failed validation: signature, algorithm, issuer, audience, expiry or nonce. */
    TOKEN_REJECTED,
    /** Entra: the token is of another tenant than the one configured. */
    WRONG_TENANT,
    /** The e-mail address is not verified by the provider. */
    EMAIL_NOT_VERIFIED,
    /** Google: the account is not of the configured Workspace domain. */
    WRONG_DOMAIN,
    /** The token carries no usable e-mail address. */
    NO_ADDRESS,
    /** The person is who they say, but the mapping gives their address and claims no role. */
    NOT_ALLOWED;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
