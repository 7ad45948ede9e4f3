package org.outward.console;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.jwk.JWKSet;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.Headers;

/**
 * A real OpenID provider for the tests, in their JVM: NAV's mock-oauth2-server, which serves discovery, JWKS, the
 * authorization endpoint (with PKCE) and the token endpoint for any issuer named by the first path segment, and
 * signs ID tokens with its own RSA keys. The token a test wants is queued with {@link #nextToken}; a token the
 * provider would never sign (another key, {@code alg=none}) is put in the token endpoint's next answer with
 * {@link #answerNextTokenRequestWith}, as a hostile provider or a tampered answer would carry it.
 */
public final class OpenIdProvider implements AutoCloseable {

    private final TokenAnswer answer = new TokenAnswer();
    private final MockOAuth2Server server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A provider that signs in whoever the test's token says, without a page of its own. */
    public OpenIdProvider() {
        this(false);
    }

    /**
     * @param loginPage whether the authorization endpoint shows its sign-in page (a user name and the claims, as
     *                  JSON, that the ID token will carry), as a browser test meets it
     */
    public OpenIdProvider(boolean loginPage) {
        server = new MockOAuth2Server(new OAuth2Config(loginPage), answer);
        server.start();
    }

    /** The issuer URL of this issuer id, e.g. {@code http://localhost:PORT/google}. */
    public String issuer(String issuerId) {
        return server.issuerUrl(issuerId).toString();
    }

    /** The key id the provider signs this issuer's tokens with. */
    public String keyId(String issuerId) throws Exception {
        String jwks = http.send(HttpRequest.newBuilder(server.jwksUrl(issuerId).uri()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return JWKSet.parse(jwks).getKeys().get(0).getKeyID();
    }

    /** The next ID token of this issuer says these claims (besides sub, aud, iss, nonce, iat, exp). */
    public void nextToken(String issuerId, Map<String, Object> claims, long expirySeconds) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, "subject-" + claims.hashCode(), "JWT", null,
                claims, expirySeconds));
    }

    /** The token endpoint's next answer carries this ID token instead of one it signed. */
    public void answerNextTokenRequestWith(String idToken) {
        answer.idToken = idToken;
    }

    /** The token endpoint answers for itself again. */
    public void answerForItself() {
        answer.idToken = null;
    }

    /** A token the provider signs with its own key, of this issuer, for the console's client, with these claims. */
    public String signed(String issuerId, Map<String, Object> claims) {
        return signed(issuerId, claims, 600);
    }

    /** The same, expiring this many seconds from now (negative: expired that long ago). */
    public String signed(String issuerId, Map<String, Object> claims, long expirySeconds) {
        return server.issueToken(issuerId, "subject-" + claims.hashCode(), "outward-console", claims, expirySeconds)
                .serialize();
    }

    /**
     * A browser's sign-in: the console's start sends it to the provider, whose authorization endpoint (after
     * {@code tamper} changed the URL, as an attacker could) sends it back to the console's callback.
     *
     * @return the URL of the provider's authorization endpoint as followed, and the console's answer to the return
     */
    public Round signIn(ConsoleClient browser, String provider, UnaryOperator<String> tamper) throws Exception {
        HttpResponse<String> start = browser.get("/signin/oidc/" + provider);
        if (start.statusCode() != 303) {
            throw new IllegalStateException("the console did not send the browser to the provider: " + start.statusCode());
        }
        String pending = browser.cookie("ow_oidc");
        String authorization = tamper.apply(start.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> back = http.send(HttpRequest.newBuilder(URI.create(authorization)).build(),
                HttpResponse.BodyHandlers.ofString());
        URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
        return new Round(authorization, pending, callback.getRawPath() + "?" + callback.getRawQuery(),
                browser.get(callback.getRawPath() + "?" + callback.getRawQuery()));
    }

    /**
     * One sign-in's way: where the browser went, the cookie that tied it to the browser, the console path it came
     * back to, and the console's answer.
     */
    public record Round(String authorization, String pendingCookie, String callback, HttpResponse<String> answer) {
        /** A parameter of the authorization URL, e.g. the nonce it carried. */
        public String parameter(String name) {
            for (String pair : URI.create(authorization).getRawQuery().split("&")) {
                if (pair.startsWith(name + "=")) {
                    return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    /** A settings file for a console on this port, with these lines besides the redirect URI's. */
    public static Path settings(Path folder, int consolePort, String... lines) throws IOException {
        Path secret = folder.resolve("client-secret");
        Files.writeString(secret, "a-client-secret-of-the-console\n");
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.replace("{redirect}", "http://127.0.0.1:" + consolePort + "/signin/oidc/callback")
                    .replace("{secret}", secret.toString())).append('\n');
        }
        Path file = folder.resolve("console-oidc.properties");
        Files.writeString(file, text.toString());
        return file;
    }

    /** A port free now, for a console whose redirect URI must be known before it starts. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** Answers one token request with a given ID token, when one is given; otherwise the provider answers. */
    private static final class TokenAnswer implements Route {
        private volatile String idToken;

        @Override
        public boolean match(OAuth2HttpRequest request) {
            return idToken != null && request.getUrl().encodedPath().endsWith("/token");
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            String token = idToken;
            idToken = null;
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 200,
                    "{\"access_token\":\"an-access-token\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                            + "\"id_token\":\"" + token + "\"}", null);
        }
    }
}
