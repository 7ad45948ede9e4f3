package org.outward.deploy;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.outward.portal.Chromium;

/** The console's sign-in form as a browser test fills it: on the page the browser is on, then submitted. */
final class ConsoleSignIn {

    private ConsoleSignIn() {
    }

    /** Fills in the account name, password and TOTP code and submits, waiting for the next page. */
    static void withPassword(Chromium browser, String name, String password, String code) {
        WebDriver driver = browser.driver();
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("code")).sendKeys(code);
        browser.navigate(By.cssSelector("main button[type=submit]"));
    }
}
