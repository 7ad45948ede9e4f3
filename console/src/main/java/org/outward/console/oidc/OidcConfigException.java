package org.outward.console.oidc;

/** The OpenID Connect settings cannot work: the message says which setting, and what to do, for the operator. */
public final class OidcConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public OidcConfigException(String message) {
        super(message);
    }
}
