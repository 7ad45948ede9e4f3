package org.outward.portal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the tests: Debian's chromium, headless, driven through Debian's chromedriver. Nothing is
 * downloaded at test time: both paths are given, so Selenium Manager is never consulted. The portal's and the
 * admin console's browser tests use it.
 */
public final class Chromium implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final String NOT_INSTALLED =
            "Skipped: Debian's chromium and chromium-driver are not installed (.ci/run installs them).";

    private final ChromeDriver driver;

    /** Whether the browser and its driver are installed. */
    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    /**
     * @param profile   a fresh folder for the browser's profile
     * @param downloads where downloads go, or null
     * @param size      the window, e.g. {@code 430,1100}
     */
    public Chromium(Path profile, Path downloads, String size) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + size, "--user-data-dir=" + profile);
        if (downloads != null) {
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("download.default_directory", downloads.toString());
            prefs.put("download.prompt_for_download", false);
            options.setExperimentalOption("prefs", prefs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Clicks something that loads a new page and waits until the old page is gone. Without the wait, the next
     * lookup can find an element of the old page, which goes stale under it as the new one replaces it.
     */
    public void navigate(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    /**
     * The text of an element once the page that holds it has loaded: right after a click, the previous page's
     * element may still be found and then go stale as the new page replaces it.
     */
    public String settledText(By by, Predicate<String> expected) {
        String[] last = {""};
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15))
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(NoSuchElementException.class)
                    .until(d -> {
                        last[0] = d.findElement(by).getText();
                        return expected.test(last[0]);
                    });
        } catch (TimeoutException e) {
            // Fall through: the assertion that follows shows what the page said instead.
        }
        return last[0];
    }

    /** Saves a screenshot as {@code docs/FOLDER/NAME.png} of the repository (the module's parent folder). */
    public void screenshot(String folder, String name) throws IOException {
        Path docs = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("docs").resolve(folder);
        Files.createDirectories(docs);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
