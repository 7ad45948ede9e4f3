package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.outward.console.Console;
import org.outward.console.ConsoleConfig;
import org.outward.console.OpenIdProvider;
import org.outward.console.oidc.OidcSettingsFile;
import org.outward.portal.Chromium;

/**
 * Sign-in to the admin console with OpenID Connect in a real browser (Debian's chromium), end to end: the sign-in
 * page offers Google, the provider's own sign-in page (NAV's mock-oauth2-server, a real OpenID provider in this
 * JVM) vouches for an address, and the console opens the held mail of the embedded gateway for it. The provider is
 * on {@code localhost} and the console on {@code 127.0.0.1}, two sites, so the browser's cross-site cookie rules
 * apply as with a real provider. Saves {@code docs/console/sign-in-oidc-en.png}.
 */
class ConsoleOidcBrowserTest {

    @TempDir
    Path work;

    private ConsoleGateway on;
    private OpenIdProvider provider;
    private Console console;
    private Chromium browser;
    private WebDriver driver;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Chromium.installed(), Chromium.NOT_INSTALLED);
        on = new ConsoleGateway(work);
        provider = new OpenIdProvider(true);
        int port = OpenIdProvider.freePort();
        Path settings = OpenIdProvider.settings(work, port,
                "google.issuer=" + provider.issuer("google"),
                "google.client-id=outward-console",
                "google.client-secret-file={secret}",
                "google.redirect-uri={redirect}",
                "google.hosted-domain=party.example",
                "user.alice@party.example=admin");
        console = Console.start(ConsoleConfig.local(port, URI.create("http://127.0.0.1:" + on.gateway.webAdminPort()),
                Optional.empty(), work.resolve("console-users"), Optional.of(on.auditFile))
                .withOidc(OidcSettingsFile.read(settings)), Clock.systemUTC());
        browser = new Chromium(work.resolve("profile"), null, "1280,1000");
        driver = browser.driver();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (console != null) {
            console.close();
        }
        if (provider != null) {
            provider.close();
        }
        if (on != null) {
            on.close();
        }
    }

    @Test
    void anAdminSignsInWithGoogleAndSeesTheHeldMail() throws Exception {
        on.sendCanvass("Canvass returns");

        driver.get("http://127.0.0.1:" + console.port() + "/held");
        assertThat(browser.settledText(By.tagName("h1"), "Sign in"::equals)).isEqualTo("Sign in");
        assertThat(driver.findElement(By.linkText("Sign in with Google")).getAttribute("href")).endsWith("/signin/oidc/google");
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("Or sign in with a console account");
        browser.screenshot("console", "sign-in-oidc-en");

        browser.navigate(By.linkText("Sign in with Google"));
        assertThat(driver.getCurrentUrl()).startsWith(provider.issuer("google") + "/authorize");
        driver.findElement(By.name("username")).sendKeys("alice");
        driver.findElement(By.name("claims")).clear();
        driver.findElement(By.name("claims")).sendKeys(
                "{\"email\": \"alice@party.example\", \"email_verified\": true, \"hd\": \"party.example\"}");
        driver.findElement(By.cssSelector("input[type=submit]")).click();

        assertThat(browser.settledText(By.tagName("h1"), "Held mail"::equals)).isEqualTo("Held mail");
        assertThat(driver.findElement(By.tagName("header")).getText()).contains("alice@party.example").contains("admin");
        assertThat(driver.findElement(By.tagName("caption")).getText()).isEqualTo("Held messages (1)");
        assertThat(on.audit()).anySatisfy(line -> assertThat(line).contains("\"event\":\"sign-in\"")
                .contains("\"actor\":\"alice@party.example\"").contains("\"method\":\"oidc:google\"")
                .contains("\"outcome\":\"success\""));
    }

    @Test
    void anAddressNobodyMappedSeesWhyInWelsh() throws Exception {
        driver.get("http://127.0.0.1:" + console.port() + "/signin?lang=cy");
        assertThat(browser.settledText(By.tagName("h1"), "Mewngofnodi"::equals)).isEqualTo("Mewngofnodi");
        browser.navigate(By.linkText("Mewngofnodi gyda Google"));
        driver.findElement(By.name("username")).sendKeys("bob");
        driver.findElement(By.name("claims")).clear();
        driver.findElement(By.name("claims")).sendKeys(
                "{\"email\": \"bob@party.example\", \"email_verified\": true, \"hd\": \"party.example\"}");
        driver.findElement(By.cssSelector("input[type=submit]")).click();

        assertThat(browser.settledText(By.tagName("h1"), "Gwrthodwyd mewngofnodi"::equals))
                .isEqualTo("Gwrthodwyd mewngofnodi");
        assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText())
                .contains("Ni chaiff y cyfrif bob@party.example ddefnyddio'r consol hwn.");
        browser.screenshot("console", "sign-in-oidc-refused-cy");
        driver.get("http://127.0.0.1:" + console.port() + "/held");
        assertThat(browser.settledText(By.tagName("h1"), "Mewngofnodi"::equals)).isEqualTo("Mewngofnodi");
    }
}
