package org.outward.console.oidc;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderConfigurationRequest;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * One provider, discovered: its endpoints from its discovery document, the issuer its ID tokens must name, the
 * client secret, and Nimbus's ID token validator (signature by a key of the provider's JWKS, RS256 only, so neither
 * {@code alg=none} nor a key of the client's own secret is taken; issuer, audience, expiry, issue time, nonce).
 */
final class Provider {

    /** Entra's multi-tenant issuers: any organisation's users (or any personal account) could sign in. */
    private static final Set<String> MULTI_TENANT = Set.of("common", "organizations", "consumers");
    private static final int CONNECT_MILLIS = 5_000;
    private static final int READ_MILLIS = 10_000;
    private static final Scope SCOPE = new Scope("openid", "email", "profile");

    private final ProviderSettings settings;
    private final OIDCProviderMetadata metadata;
    private final ClientID client;
    private final Secret secret;
    private final IDTokenValidator validator;

    private Provider(ProviderSettings settings, OIDCProviderMetadata metadata, Issuer issuer, Secret secret)
            throws OidcConfigException {
        this.settings = settings;
        this.metadata = metadata;
        this.client = new ClientID(settings.clientId());
        this.secret = secret;
        if (metadata.getJWKSetURI() == null || metadata.getTokenEndpointURI() == null) {
            throw new OidcConfigException(settings.kind().word() + ": the discovery document names no jwks_uri or "
                    + "token_endpoint");
        }
        try {
            this.validator = new IDTokenValidator(issuer, client, JWSAlgorithm.RS256, metadata.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(CONNECT_MILLIS, READ_MILLIS, 256 * 1024));
        } catch (java.net.MalformedURLException e) {
            throw new OidcConfigException(settings.kind().word() + ": jwks_uri is not a URL");
        }
    }

    /** Reads the secret and the provider's discovery document, and checks that they fit the settings. */
    static Provider discover(ProviderSettings settings) throws OidcConfigException {
        String name = settings.kind().word();
        if (!OidcSignIn.CALLBACK_PATH.equals(settings.redirectUri().getPath())) {
            throw new OidcConfigException(name + ".redirect-uri must end in " + OidcSignIn.CALLBACK_PATH + " (the "
                    + "console's address as browsers reach it), not " + settings.redirectUri());
        }
        String tenantSegment = firstSegment(settings.issuer());
        if (settings.kind() == ProviderKind.ENTRA && MULTI_TENANT.contains(tenantSegment)
                && settings.tenantId().isEmpty()) {
            throw new OidcConfigException(name + ".issuer " + settings.issuer() + " lets users of any Microsoft tenant "
                    + "sign in: use your tenant's issuer (https://login.microsoftonline.com/TENANT-ID/v2.0), or give "
                    + name + ".tenant-id");
        }
        Secret secret = readSecret(settings);
        OIDCProviderMetadata metadata = fetch(settings);
        String named = metadata.getIssuer().getValue();
        String expected;
        if (named.equals(settings.issuer().toString())) {
            expected = named;
        } else if (settings.kind() == ProviderKind.ENTRA && named.contains("{tenantid}")
                && settings.tenantId().isPresent()) {
            // Entra's multi-tenant discovery names a template; the pinned tenant's issuer is what tokens must carry.
            expected = named.replace("{tenantid}", settings.tenantId().get());
        } else {
            throw new OidcConfigException(name + ": the discovery document at " + settings.issuer() + " names the "
                    + "issuer " + named + ": give that as " + name + ".issuer");
        }
        return new Provider(settings, metadata, new Issuer(expected), secret);
    }

    ProviderSettings settings() {
        return settings;
    }

    /** Where to send the browser: the authorization endpoint with this sign-in's state, nonce and PKCE challenge. */
    URI authorization(State state, Nonce nonce, CodeVerifier verifier) {
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), SCOPE, client, settings.redirectUri())
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        // Only a hint to Google's account chooser: the hd claim is what is checked.
        settings.hostedDomain().ifPresent(domain -> request.customParameter("hd", domain));
        return request.build().toURI();
    }

    /** Trades the code for tokens and validates the ID token; empty with the refusal when either fails. */
    Validated redeem(AuthorizationCode code, CodeVerifier verifier, Nonce nonce) {
        JWT idToken;
        try {
            TokenRequest request = new TokenRequest(metadata.getTokenEndpointURI(), authentication(),
                    new AuthorizationCodeGrant(code, settings.redirectUri(), verifier));
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(CONNECT_MILLIS);
            http.setReadTimeout(READ_MILLIS);
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                return Validated.refused(Refusal.TOKEN_REQUEST_FAILED);
            }
            idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
            if (idToken == null) {
                return Validated.refused(Refusal.TOKEN_REQUEST_FAILED);
            }
        } catch (IOException | ParseException | RuntimeException e) {
            return Validated.refused(Refusal.TOKEN_REQUEST_FAILED);
        }
        try {
            return new Validated(Optional.of(validator.validate(idToken, nonce)), Optional.empty());
        } catch (BadJOSEException | JOSEException e) {
            return Validated.refused(Refusal.TOKEN_REJECTED);
        }
    }

    /** The claims of a valid ID token, or why there are none. */
    record Validated(Optional<IDTokenClaimsSet> claims, Optional<Refusal> refusal) {
        static Validated refused(Refusal why) {
            return new Validated(Optional.empty(), Optional.of(why));
        }
    }

    private ClientAuthentication authentication() {
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        boolean postOnly = methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        return postOnly ? new ClientSecretPost(client, secret) : new ClientSecretBasic(client, secret);
    }

    private static OIDCProviderMetadata fetch(ProviderSettings settings) throws OidcConfigException {
        String name = settings.kind().word();
        try {
            HTTPRequest request = new OIDCProviderConfigurationRequest(new Issuer(settings.issuer())).toHTTPRequest();
            request.setConnectTimeout(CONNECT_MILLIS);
            request.setReadTimeout(READ_MILLIS);
            HTTPResponse response = request.send();
            if (response.getStatusCode() != 200) {
                throw new OidcConfigException(name + ": discovery at " + request.getURI() + " answered "
                        + response.getStatusCode());
            }
            return OIDCProviderMetadata.parse(response.getBodyAsJSONObject());
        } catch (IOException e) {
            throw new OidcConfigException(name + ": cannot reach the discovery document of " + settings.issuer()
                    + " (" + e.getClass().getSimpleName() + ")");
        } catch (ParseException e) {
            throw new OidcConfigException(name + ": the discovery document of " + settings.issuer()
                    + " is not valid: " + e.getMessage());
        }
    }

    private static Secret readSecret(ProviderSettings settings) throws OidcConfigException {
        String name = settings.kind().word();
        try {
            String value = Files.readString(settings.clientSecretFile(), StandardCharsets.UTF_8).trim();
            if (value.isEmpty()) {
                throw new OidcConfigException(name + ".client-secret-file " + settings.clientSecretFile() + " is empty");
            }
            return new Secret(value);
        } catch (IOException e) {
            throw new OidcConfigException(name + ".client-secret-file " + settings.clientSecretFile()
                    + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String firstSegment(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        return (slash < 0 ? trimmed : trimmed.substring(0, slash)).toLowerCase(java.util.Locale.ROOT);
    }
}
