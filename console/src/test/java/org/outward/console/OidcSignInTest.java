package org.outward.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.console.oidc.OidcConfigException;
import org.outward.console.oidc.OidcSettingsFile;
import org.outward.shared.VaultSetting;

/**
 * Sign-in with OpenID Connect through the console's real HTTP server against a real provider in the test's JVM
 * ({@link OpenIdProvider}): a Google account and an Entra account of the pinned tenant sign in with the role the
 * settings give them, and every attack on the way back is refused with a page, no session and an audit event:
 * a token for another client, from another issuer, expired, signed with another key or not signed at all, with
 * another nonce; a return whose state is missing or already used; an unverified address, another Workspace domain,
 * another tenant, and an address nobody mapped.
 */
class OidcSignInTest {

    private static OpenIdProvider provider;

    @TempDir
    Path folder;

    private Console console;
    private Path audit;

    @BeforeAll
    static void provider() {
        provider = new OpenIdProvider();
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @BeforeEach
    void start() throws Exception {
        provider.answerForItself();
        console = start("local-sign-in=on");
    }

    private Console start(String... extra) throws Exception {
        int port = OpenIdProvider.freePort();
        List<String> lines = new java.util.ArrayList<>(List.of(
                "google.issuer=" + provider.issuer("google"),
                "google.client-id=outward-console",
                "google.client-secret-file={secret}",
                "google.redirect-uri={redirect}",
                "google.hosted-domain=party.example",
                "entra.issuer=" + provider.issuer("common"),
                "entra.tenant-id=tenant-a",
                "entra.client-id=outward-console",
                "entra.client-secret-file={secret}",
                "entra.redirect-uri={redirect}",
                "entra.role-claim=roles",
                "user.alice@party.example=admin",
                "user.dee@party.example=dpo",
                "claim.Outward.Admin=admin"));
        lines.addAll(List.of(extra));
        Path settings = OpenIdProvider.settings(folder, port, lines.toArray(String[]::new));
        audit = folder.resolve("audit.jsonl");
        return Console.start(ConsoleConfig.local(port, URI.create("http://127.0.0.1:9"), Optional.empty(),
                folder.resolve("users"), Optional.of(audit))
                .withVault(VaultSetting.parse(folder.resolve("vault").toString()))
                .withOidc(OidcSettingsFile.read(settings)), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
    }

    private static Map<String, Object> google(String address) {
        return Map.of("email", address, "email_verified", true, "hd", "party.example");
    }

    private OpenIdProvider.Round google(ConsoleClient browser, Map<String, Object> claims) throws Exception {
        return google(browser, claims, 3600);
    }

    private OpenIdProvider.Round google(ConsoleClient browser, Map<String, Object> claims, long expiry) throws Exception {
        provider.nextToken("google", claims, expiry);
        return provider.signIn(browser, "google", UnaryOperator.identity());
    }

    private String lastAuditLine() throws Exception {
        List<String> lines = Files.readAllLines(audit, StandardCharsets.UTF_8);
        return lines.get(lines.size() - 1);
    }

    /** No session: the browser holds no session cookie and a page behind sign-in sends it to the sign-in page. */
    private static void notSignedIn(ConsoleClient browser) throws Exception {
        assertThat(browser.cookie(ConsoleSessions.COOKIE)).isNull();
        assertThat(browser.get("/links").statusCode()).isEqualTo(303);
    }

    private void refusedAndAudited(OpenIdProvider.Round round, ConsoleClient browser, String actor) throws Exception {
        assertThat(round.answer().statusCode()).isEqualTo(401);
        assertThat(round.answer().body()).contains("Sign-in refused").contains("could not be completed");
        notSignedIn(browser);
        assertThat(lastAuditLine()).contains("\"event\":\"sign-in\"").contains("\"actor\":\"" + actor + "\"")
                .contains("\"outcome\":\"failure\"");
    }

    @Test
    void aMappedGoogleAccountSignsInAsItsRoleAndTheAuditNamesItsAddress() throws Exception {
        ConsoleClient browser = new ConsoleClient(console.port());
        String page = browser.get("/signin").body();
        assertThat(page).contains("href=\"/signin/oidc/google\">Sign in with Google<")
                .contains("href=\"/signin/oidc/entra\">Sign in with Microsoft<").contains("id=\"password\"");

        OpenIdProvider.Round round = google(browser, google("Alice@party.example"));

        assertThat(round.parameter("code_challenge_method")).isEqualTo("S256");
        assertThat(round.parameter("state")).isNotBlank();
        assertThat(round.parameter("nonce")).isNotBlank();
        assertThat(round.parameter("scope")).isEqualTo("openid email profile");
        assertThat(round.answer().statusCode()).isEqualTo(200);
        assertThat(round.answer().headers().firstValue("Refresh")).hasValue("0; url=/held");
        assertThat(round.answer().headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith(ConsoleSessions.COOKIE + "=").contains("SameSite=Strict")
                        .contains("HttpOnly"));
        String links = browser.get("/links").body();
        assertThat(links).contains("<strong>alice@party.example</strong> (admin)");
        String line = lastAuditLine();
        assertThat(line).contains("\"actor\":\"alice@party.example\"").contains("\"outcome\":\"success\"")
                .contains("\"method\":\"oidc:google\"");
        String code = round.callback().replaceAll(".*[?&]code=([^&]+).*", "$1");
        assertThat(Files.readString(audit)).doesNotContain(code).doesNotContain(round.parameter("state"))
                .doesNotContain(round.parameter("nonce"));
    }

    @Test
    void anEntraAccountOfThePinnedTenantSignsInByItsAppRole() throws Exception {
        ConsoleClient browser = new ConsoleClient(console.port());
        provider.nextToken("common", Map.of("tid", "tenant-a", "preferred_username", "sam@party.example",
                "roles", List.of("Outward.Admin")), 3600);

        OpenIdProvider.Round round = provider.signIn(browser, "entra", UnaryOperator.identity());

        assertThat(round.answer().statusCode()).isEqualTo(200);
        assertThat(browser.get("/links").body()).contains("<strong>sam@party.example</strong> (admin)");
        assertThat(lastAuditLine()).contains("\"method\":\"oidc:entra\"").contains("\"outcome\":\"success\"");
    }

    @Test
    void anEntraAccountOfAnotherTenantIsRefused() throws Exception {
        ConsoleClient browser = new ConsoleClient(console.port());
        provider.nextToken("common", Map.of("tid", "tenant-b", "preferred_username", "alice@party.example"), 3600);

        refusedAndAudited(provider.signIn(browser, "entra", UnaryOperator.identity()), browser, "unknown");
    }

    @Test
    void aDpoSignsInAsADpo() throws Exception {
        ConsoleClient browser = new ConsoleClient(console.port());
        google(browser, google("dee@party.example"));

        assertThat(browser.get("/links").body()).contains("<strong>dee@party.example</strong> (data protection officer)");
        assertThat(browser.post("/links/act", Map.of("action", "purge")).statusCode()).isEqualTo(403);
    }

    @Test
    void anAccountNobodyMappedIsRefusedWithAClearPageAndAudited() throws Exception {
        ConsoleClient browser = new ConsoleClient(console.port());
        OpenIdProvider.Round round = google(browser, google("bob@party.example"));

        assertThat(round.answer().statusCode()).isEqualTo(403);
        assertThat(round.answer().body()).contains("The account bob@party.example may not use this console.");
        notSignedIn(browser);
        assertThat(lastAuditLine()).contains("\"actor\":\"bob@party.example\"").contains("\"outcome\":\"failure\"")
                .contains("\"method\":\"oidc:google\"");
    }

    @Test
    void anUnverifiedAddressIsRefused() throws Exception {
        ConsoleClient browser = new ConsoleClient(console.port());
        refusedAndAudited(google(browser, Map.of("email", "alice@party.example", "email_verified", false,
                "hd", "party.example")), browser, "unknown");
    }

    @Test
    void anAccountOfAnotherWorkspaceDomainIsRefused() throws Exception {
        ConsoleClient browser = new ConsoleClient(console.port());
        refusedAndAudited(google(browser, Map.of("email", "alice@party.example", "email_verified", true,
                "hd", "elsewhere.example")), browser, "unknown");
    }

    @Test
    void aTokenForAnotherClientIsRefused() throws Exception {
        ConsoleClient browser = new ConsoleClient(console.port());
        java.util.HashMap<String, Object> claims = new java.util.HashMap<>(google("alice@party.example"));
        claims.put("aud", "another-client");
        refusedAndAudited(google(browser, claims), browser, "unknown");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        ConsoleClient browser = new ConsoleClient(console.port());
        java.util.HashMap<String, Object> claims = new java.util.HashMap<>(google("alice@party.example"));
        claims.put("iss", provider.issuer("elsewhere"));
        refusedAndAudited(google(browser, claims), browser, "unknown");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        // Signed by the provider's own key, for this sign-in's nonce, but ten minutes past its expiry.
        ConsoleClient browser = new ConsoleClient(console.port());
        OpenIdProvider.Round round = signInWithToken(browser, nonce -> {
            Map<String, Object> claims = new java.util.HashMap<>(google("alice@party.example"));
            claims.put("nonce", nonce);
            return provider.signed("google", claims, -600);
        });

        refusedAndAudited(round, browser, "unknown");
    }

    @Test
    void aTokenWithAnotherNonceIsRefused() throws Exception {
        ConsoleClient browser = new ConsoleClient(console.port());
        provider.nextToken("google", google("alice@party.example"), 3600);
        OpenIdProvider.Round round = provider.signIn(browser, "google",
                url -> url.replaceAll("nonce=[^&]+", "nonce=an-attackers-nonce"));

        refusedAndAudited(round, browser, "unknown");
    }

    @Test
    void aReturnWithoutItsStateIsRefused() throws Exception {
        ConsoleClient browser = new ConsoleClient(console.port());
        provider.nextToken("google", google("alice@party.example"), 3600);
        OpenIdProvider.Round round = provider.signIn(browser, "google",
                url -> url.replaceAll("&state=[^&]+", "").replaceAll("state=[^&]+&", ""));

        assertThat(round.callback()).doesNotContain("state=");
        refusedAndAudited(round, browser, "unknown");
        // The same browser starts again and signs in, with the token the provider still holds for it.
        assertThat(provider.signIn(browser, "google", UnaryOperator.identity()).answer().statusCode()).isEqualTo(200);
    }

    @Test
    void aReturnIsGoodOnceAndNotInAnotherBrowser() throws Exception {
        ConsoleClient victim = new ConsoleClient(console.port());
        OpenIdProvider.Round round = google(victim, google("alice@party.example"));
        assertThat(round.answer().statusCode()).isEqualTo(200);
        Map<String, Object> vouched = new java.util.HashMap<>(google("alice@party.example"));
        vouched.put("nonce", round.parameter("nonce"));

        // Someone who captured the return and the browser's cookie replays them; the token endpoint would vouch again.
        ConsoleClient replayer = new ConsoleClient(console.port());
        replayer.setCookie("ow_oidc", round.pendingCookie());
        provider.answerNextTokenRequestWith(provider.signed("google", vouched));
        assertThat(replayer.get(round.callback()).statusCode()).isEqualTo(401);
        notSignedIn(replayer);

        // A return planted in another browser (sign-in cross-site request forgery) has no sign-in of that browser.
        ConsoleClient planted = new ConsoleClient(console.port());
        provider.answerNextTokenRequestWith(provider.signed("google", vouched));
        assertThat(planted.get(round.callback()).statusCode()).isEqualTo(401);
        notSignedIn(planted);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        ConsoleClient browser = new ConsoleClient(console.port());
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(provider.keyId("google")).generate();
        OpenIdProvider.Round round = signInWithToken(browser, nonce -> {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(impostor.getKeyID()).build(),
                    validClaims(nonce));
            jwt.sign(new RSASSASigner(impostor));
            return jwt.serialize();
        });

        refusedAndAudited(round, browser, "unknown");
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        ConsoleClient browser = new ConsoleClient(console.port());
        OpenIdProvider.Round round = signInWithToken(browser, nonce -> new PlainJWT(validClaims(nonce)).serialize());

        refusedAndAudited(round, browser, "unknown");
    }

    @Test
    void withLocalSignInOffThePasswordFormIsGoneAndItsPostRefused() throws Exception {
        console.close();
        console = start("local-sign-in=off");
        ConsoleClient browser = new ConsoleClient(console.port());

        String page = browser.get("/signin").body();
        assertThat(page).contains("Sign in with Google").doesNotContain("id=\"password\"");
        assertThat(browser.post("/signin", Map.of("name", "admin", "password", "x", "code", "1")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void settingsThatCannotWorkStopTheStartWithTheReason() throws Exception {
        Path common = OpenIdProvider.settings(folder, 8090, "entra.issuer=" + provider.issuer("common"),
                "entra.client-id=c", "entra.client-secret-file={secret}", "entra.redirect-uri={redirect}",
                "user.alice@party.example=admin");
        assertThatThrownBy(() -> startOn(common)).isInstanceOf(OidcConfigException.class)
                .hasMessageContaining("any Microsoft tenant").hasMessageContaining("entra.tenant-id");

        Path noSecret = OpenIdProvider.settings(folder, 8090, "google.issuer=" + provider.issuer("google"),
                "google.client-id=c", "google.client-secret-file=" + folder.resolve("absent"),
                "google.redirect-uri={redirect}", "user.alice@party.example=admin");
        assertThatThrownBy(() -> startOn(noSecret)).hasMessageContaining("google.client-secret-file");

        Path wrongPath = OpenIdProvider.settings(folder, 8090, "google.issuer=" + provider.issuer("google"),
                "google.client-id=c", "google.client-secret-file={secret}",
                "google.redirect-uri=http://127.0.0.1:8090/callback", "user.alice@party.example=admin");
        assertThatThrownBy(() -> startOn(wrongPath)).hasMessageContaining("/signin/oidc/callback");

        Path nobody = OpenIdProvider.settings(folder, 8090, "google.issuer=" + provider.issuer("google"),
                "google.client-id=c", "google.client-secret-file={secret}", "google.redirect-uri={redirect}");
        assertThatThrownBy(() -> OidcSettingsFile.read(nobody)).hasMessageContaining("nobody may sign in");

        Path plain = OpenIdProvider.settings(folder, 8090, "google.issuer=http://accounts.example/",
                "google.client-id=c", "google.client-secret-file={secret}", "google.redirect-uri={redirect}",
                "user.alice@party.example=admin");
        assertThatThrownBy(() -> OidcSettingsFile.read(plain)).hasMessageContaining("must be https");

        Path typo = OpenIdProvider.settings(folder, 8090, "google.hosted-domian=party.example");
        assertThatThrownBy(() -> OidcSettingsFile.read(typo)).hasMessageContaining("unknown setting 'google.hosted-domian'");
    }

    private void startOn(Path settings) throws Exception {
        Console.start(ConsoleConfig.local(0, URI.create("http://127.0.0.1:9"), Optional.empty(),
                folder.resolve("users"), Optional.empty()).withOidc(OidcSettingsFile.read(settings)),
                Clock.systemUTC()).close();
    }

    /** Claims a valid token of the provider would carry for alice, with this nonce. */
    private static JWTClaimsSet validClaims(String nonce) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(provider.issuer("google")).audience("outward-console")
                .subject("alice").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("nonce", nonce).claim("email", "alice@party.example").claim("email_verified", true)
                .claim("hd", "party.example").build();
    }

    private interface TokenMaker {
        String make(String nonce) throws Exception;
    }

    /** A sign-in whose token endpoint answers with the token made for the nonce the console sent. */
    private OpenIdProvider.Round signInWithToken(ConsoleClient browser, TokenMaker maker) throws Exception {
        String[] token = new String[1];
        return provider.signIn(browser, "google", url -> {
            String nonce = url.replaceAll(".*[?&]nonce=([^&]+).*", "$1");
            try {
                token[0] = maker.make(java.net.URLDecoder.decode(nonce, StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            provider.answerNextTokenRequestWith(token[0]);
            return url;
        });
    }
}
