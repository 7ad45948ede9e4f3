package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.outward.console.Role;
import org.outward.portal.Chromium;

/**
 * The statistics page in a real browser (Debian's chromium), after the embedded James blocked a canvass list:
 * a DPO signs in, opens it from the menu, downloads nothing and changes nothing, and reads it in English and in
 * Welsh. Saves {@code docs/console/statistics-en.png} and {@code statistics-cy.png}.
 */
class StatisticsBrowserTest {

    @TempDir
    Path work;

    private ConsoleGateway on;
    private Chromium browser;
    private WebDriver driver;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Chromium.installed(), Chromium.NOT_INSTALLED);
        on = new ConsoleGateway(work);
        browser = new Chromium(work.resolve("profile"), null, "1280,2900");
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
    void aDpoReadsTheStatisticsInEnglishAndInWelsh() throws Exception {
        on.sendCanvass("Canvass returns");
        on.sendCanvass("Ward 4 door-knocking");
        ConsoleGateway.User dpo = on.newUser(Role.DPO);
        driver.get(on.base() + "/signin");
        ConsoleSignIn.withPassword(browser, dpo.name(), ConsoleGateway.PASSWORD, on.code(dpo));
        assertThat(browser.settledText(By.tagName("h1"), "Held mail"::equals)).isEqualTo("Held mail");

        browser.navigate(By.linkText("Statistics"));
        assertThat(browser.settledText(By.tagName("h1"), "Statistics"::equals)).isEqualTo("Statistics");
        WebElement summary = driver.findElement(By.cssSelector("table.figures"));
        assertThat(summary.findElement(By.tagName("caption")).getText()).startsWith("Messages judged from ");
        assertThat(cellBeside(summary, "Blocked")).isEqualTo("2");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("personal-data-unprotected")
                .contains(ConsoleGateway.SENDER);
        assertThat(driver.findElements(By.cssSelector("main form[method=post]"))).isEmpty();
        tablesAreReadable("en");
        browser.screenshot("console", "statistics-en");

        browser.navigate(By.linkText("Cymraeg"));
        assertThat(browser.settledText(By.tagName("h1"), "Ystadegau"::equals)).isEqualTo("Ystadegau");
        summary = driver.findElement(By.cssSelector("table.figures"));
        assertThat(cellBeside(summary, "Wedi'u hatal")).isEqualTo("2");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Yn ôl diwrnod").doesNotContain("By day");
        tablesAreReadable("cy");
        browser.screenshot("console", "statistics-cy");
    }

    private static String cellBeside(WebElement table, String rowHeader) {
        return table.findElement(By.xpath(".//tr[th[normalize-space()=\"" + rowHeader + "\"]]/td")).getText();
    }

    /**
     * What WCAG 2.2 AA asks of these tables that a program can check: the page's language and one main heading,
     * a caption on every table, a scope on every header cell, a label for every field, and bars that carry no
     * meaning of their own (hidden from assistive technology, the number beside them).
     */
    private void tablesAreReadable(String language) {
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(driver.findElements(By.tagName("h1"))).hasSize(1);
        assertThat(driver.findElements(By.tagName("caption"))).hasSameSizeAs(driver.findElements(By.tagName("table")));
        assertThat(driver.findElements(By.tagName("th"))).allSatisfy(th ->
                assertThat(th.getAttribute("scope")).isIn("col", "row"));
        assertThat(driver.findElements(By.cssSelector("input:not([type=hidden])"))).allSatisfy(field ->
                assertThat(driver.findElements(By.cssSelector("label[for='" + field.getAttribute("id") + "']"))).hasSize(1));
        assertThat(driver.findElements(By.cssSelector(".bar"))).isNotEmpty().allSatisfy(bar ->
                assertThat(bar.getAttribute("aria-hidden")).isEqualTo("true"));
        assertThat(driver.findElements(By.cssSelector("td.num .bar"))).hasSameSizeAs(driver.findElements(By.cssSelector(".bar")));
    }
}
