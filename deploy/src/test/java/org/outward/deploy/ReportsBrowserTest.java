package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.outward.console.ConsoleClient;
import org.outward.console.Role;
import org.outward.console.Totp;
import org.outward.portal.Chromium;

/**
 * An admin settles a false-positive report in a real browser (Debian's chromium): the reports page, one report with
 * its redacted evidence and the proposed exception as a diff of the policy file, in English and in Welsh, then the
 * exception applied after its checks. Saves {@code docs/console/reports-en.png} and {@code reports-cy.png}.
 */
class ReportsBrowserTest {

    @TempDir
    Path work;

    private ReportingGateway on;
    private Chromium browser;
    private WebDriver driver;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Chromium.installed(), Chromium.NOT_INSTALLED);
        on = new ReportingGateway(work);
        browser = new Chromium(work.resolve("profile"), null, "1280,1600");
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
    void anAdminTurnsAReportIntoAnExceptionInEnglishAndSeesItInWelsh() throws Exception {
        on.sendBlocked(ReportingGateway.message("Canvass returns"));
        String link = ReportingGateway.reportLink(on.notice("Canvass returns", "text/plain"));
        ConsoleClient sender = on.portalClient();
        sender.get(ReportingGateway.path(link));
        sender.post(ReportingGateway.path(link), Map.of("comment", "Alex is our election agent and needs the list"));

        String[] admin = on.newUser(Role.ADMIN);
        driver.get("http://127.0.0.1:" + on.console.port() + "/reports");
        ConsoleSignIn.withPassword(browser, admin[0], ReportingGateway.PASSWORD, Totp.code(admin[1], Instant.now()));
        assertThat(browser.settledText(By.tagName("h1"), "Held mail"::equals)).isEqualTo("Held mail");

        browser.navigate(By.linkText("Reports"));
        assertThat(browser.settledText(By.tagName("h1"), "False-positive reports"::equals))
                .isEqualTo("False-positive reports");
        assertThat(driver.findElement(By.tagName("caption")).getText()).isEqualTo("Reports (1)");
        accessible("en");
        browser.navigate(By.cssSelector("tbody a"));
        assertThat(browser.settledText(By.tagName("h1"), "Report of a notice as wrong"::equals))
                .isEqualTo("Report of a notice as wrong");
        assertThat(driver.findElement(By.cssSelector("pre.diff")).getText())
                .contains("+    except-senders: [report-").contains("sam.volunteer@party.example");
        assertThat(driver.getPageSource()).contains("R***** P*******").doesNotContain("Predovic");
        accessible("en");
        browser.screenshot("console", "reports-en");

        browser.navigate(By.linkText("Cymraeg"));
        assertThat(browser.settledText(By.tagName("h1"), "Adroddiad bod hysbysiad yn anghywir"::equals))
                .isEqualTo("Adroddiad bod hysbysiad yn anghywir");
        assertThat(driver.findElement(By.id("state")).getText()).isEqualTo("yn aros am benderfyniad");
        accessible("cy");
        browser.screenshot("console", "reports-cy");

        browser.navigate(By.linkText("English"));
        driver.findElement(By.id("accept-reason")).sendKeys("Alex is the party's election agent");
        browser.navigate(By.id("accept"));
        assertThat(browser.settledText(By.tagName("h1"), "Exception applied"::equals)).isEqualTo("Exception applied");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("policy check: OK")
                .contains("all 1 samples of outcomes.csv agree");
    }

    /** What a program can check of WCAG 2.2 AA, as the held-mail pages' test does. */
    private void accessible(String language) {
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(driver.findElements(By.tagName("h1"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("a, button, input:not([type=hidden])")).get(0).getAttribute("class"))
                .isEqualTo("skip");
        for (var field : driver.findElements(By.cssSelector("input:not([type=hidden]), textarea"))) {
            assertThat(driver.findElements(By.cssSelector("label[for='" + field.getAttribute("id") + "']")))
                    .as("label of " + field.getAttribute("name")).hasSize(1);
        }
        for (var header : driver.findElements(By.tagName("th"))) {
            assertThat(header.getAttribute("scope")).isEqualTo("col");
        }
        assertThat(driver.findElements(By.tagName("caption"))).hasSameSizeAs(driver.findElements(By.tagName("table")));
    }
}
