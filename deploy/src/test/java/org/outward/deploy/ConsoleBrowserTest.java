package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.outward.console.Role;
import org.outward.portal.Chromium;
import org.outward.vault.LocalDiskVault;
import org.outward.vault.NewItem;

/**
 * The admin's whole round in a real browser (Debian's chromium): sign in with password and TOTP code, find the
 * blocked canvass list, open it, release it with a reason; in English and in Welsh. Saves a screenshot of each page
 * to {@code docs/console/}.
 */
class ConsoleBrowserTest {

    @TempDir
    Path work;

    private ConsoleGateway on;
    private Chromium browser;
    private WebDriver driver;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Chromium.installed(), Chromium.NOT_INSTALLED);
        on = new ConsoleGateway(work);
        browser = new Chromium(work.resolve("profile"), null, "1280,1400");
        driver = browser.driver();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (on != null) {
            on.close();
        }
    }

    @Test
    void anAdminSignsInAndReleasesHeldMailInEnglishAndInWelsh() throws Exception {
        on.sendCanvass("Canvass returns");
        on.sendCanvass("Ward 4 door-knocking");

        driver.get(on.base() + "/held");
        assertThat(browser.settledText(By.tagName("h1"), "Sign in"::equals)).isEqualTo("Sign in");
        accessible("en");
        screenshot("01-sign-in");
        ConsoleGateway.User admin = on.newUser(Role.ADMIN);
        signIn(admin, on.code(admin));
        assertThat(browser.settledText(By.tagName("h1"), "Held mail"::equals)).isEqualTo("Held mail");
        assertThat(driver.findElement(By.tagName("caption")).getText()).isEqualTo("Held messages (2)");
        assertThat(driver.getPageSource()).contains("R***** P*******").doesNotContain("Predovic");
        accessible("en");
        screenshot("02-held-mail");

        browser.navigate(By.linkText("Canvass returns"));
        assertThat(browser.settledText(By.tagName("h1"), "Held message"::equals)).isEqualTo("Held message");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("canvass.csv").contains("text/csv");
        accessible("en");
        screenshot("03-held-message");
        driver.findElement(By.id("reason")).sendKeys("Checked with Sam: the agent is entitled to the list");
        browser.navigate(By.cssSelector("button[value=release]"));
        assertThat(browser.settledText(By.tagName("h1"), "Released"::equals)).isEqualTo("Released");
        screenshot("04-released");
        MimeMessage delivered = Mailboxes.await(on.outside, ConsoleGateway.OUTSIDE,
                m -> subjectOf(m).equals("Canvass returns"));
        assertThat(delivered.getHeader("X-Outward-Verdict")).containsExactly("released");

        browser.navigate(By.linkText("Cymraeg"));
        assertThat(browser.settledText(By.tagName("h1"), "Post a ddaliwyd"::equals)).isEqualTo("Post a ddaliwyd");
        assertThat(driver.findElement(By.tagName("caption")).getText()).isEqualTo("Negeseuon a ddaliwyd (1)");
        accessible("cy");
        screenshot("05-held-mail-welsh");
        driver.findElement(By.cssSelector("input[type=checkbox]")).click();
        driver.findElement(By.id("reason")).sendKeys("Wedi gwirio gyda'r anfonwr");
        browser.navigate(By.cssSelector("button[value=release]"));
        assertThat(browser.settledText(By.tagName("h1"), "Wedi'i ryddhau"::equals)).isEqualTo("Wedi'i ryddhau");
        assertThat(driver.findElement(By.cssSelector("main p")).getText()).startsWith("Rhyddhawyd 1 neges");
        screenshot("06-released-welsh");
        Mailboxes.await(on.outside, ConsoleGateway.OUTSIDE, m -> subjectOf(m).equals("Ward 4 door-knocking"));

        new LocalDiskVault(on.gateway.settings().vaultFolder(), java.time.Clock.systemUTC()).put(NewItem.withDefaults(ConsoleGateway.SENDER,
                "print@printer.example", "Ward 4 leaflets.csv", "text/csv"),
                new java.io.ByteArrayInputStream("street,houses\nHigh St,40\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        browser.navigate(By.linkText("Dolenni diogel"));
        assertThat(browser.settledText(By.tagName("h1"), "Dolenni diogel"::equals)).isEqualTo("Dolenni diogel");
        accessible("cy");
        screenshot("07-secure-links-welsh");
        browser.navigate(By.linkText("English"));
        assertThat(browser.settledText(By.tagName("h1"), "Secure links"::equals)).isEqualTo("Secure links");
        driver.findElement(By.cssSelector("td input[name=reason]")).sendKeys("Sent to the wrong printer");
        browser.navigate(By.cssSelector("button[value=revoke]"));
        assertThat(browser.settledText(By.tagName("h1"), "Revoked"::equals)).isEqualTo("Revoked");
        browser.navigate(By.linkText("Back to secure links"));
        assertThat(browser.settledText(By.tagName("tbody"), t -> t.contains("revoked"))).contains("revoked");
        screenshot("08-secure-links-revoked");
        browser.navigate(By.linkText("Cymraeg"));
        browser.navigate(By.cssSelector("header button"));
        assertThat(browser.settledText(By.tagName("h1"), "Mewngofnodi"::equals)).isEqualTo("Mewngofnodi");
        signIn(admin, on.code(admin).equals("000000") ? "111111" : "000000");
        assertThat(browser.settledText(By.cssSelector("[role=alert]"), t -> !t.isEmpty()))
                .contains("Nid yw'r enw defnyddiwr, y cyfrinair na'r cod yn gywir");
        screenshot("09-sign-in-refused-welsh");
    }

    /**
     * What WCAG 2.2 AA asks of a page that a program can check: the page's language, one main heading, a skip link
     * first, a label for every field, header cells with a scope, a caption on every table.
     */
    private void accessible(String language) {
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(driver.findElements(By.tagName("h1"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("a, button, input:not([type=hidden])")).get(0).getAttribute("class"))
                .isEqualTo("skip");
        for (var field : driver.findElements(By.cssSelector("input:not([type=hidden])"))) {
            assertThat(driver.findElements(By.cssSelector("label[for='" + field.getAttribute("id") + "']")))
                    .as("label of " + field.getAttribute("name")).hasSize(1);
        }
        for (var header : driver.findElements(By.tagName("th"))) {
            assertThat(header.getAttribute("scope")).isEqualTo("col");
        }
        assertThat(driver.findElements(By.tagName("caption"))).hasSameSizeAs(driver.findElements(By.tagName("table")));
    }

    private void signIn(ConsoleGateway.User user, String code) {
        ConsoleSignIn.withPassword(browser, user.name(), ConsoleGateway.PASSWORD, code);
    }

    private void screenshot(String name) throws Exception {
        browser.screenshot("console", name);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (javax.mail.MessagingException e) {
            return "";
        }
    }
}
