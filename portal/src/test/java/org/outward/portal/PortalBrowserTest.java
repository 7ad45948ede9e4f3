package org.outward.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.outward.vault.Deposit;

/**
 * The recipient's whole journey in a real browser: Debian's chromium, driven through Debian's chromedriver.
 * Nothing is downloaded at test time: both paths are given, so Selenium Manager is never consulted.
 * Saves a screenshot of each page to {@code docs/portal/}.
 */
class PortalBrowserTest {

    private static final byte[] CONTENT = ("PD,ENO,Title,First,Surname,Address,Postcode\n"
            + "KA1,12,Ms,Jane,Example,12 Any Street,AB1 2CD\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    private GreenMail greenMail;
    private PortalHarness harness;
    private Chromium browser;
    private ChromeDriver driver;
    private Path downloads;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Chromium.installed(), Chromium.NOT_INSTALLED);
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        harness = new PortalHarness(folder.resolve("vault"), PortalConfig.Limits.DEFAULTS,
                new SmtpCodeSender("127.0.0.1", greenMail.getSmtp().getPort(), "secure-links@party.example"), "http");
        downloads = Files.createDirectories(folder.resolve("downloads"));
        browser = new Chromium(folder.resolve("profile"), downloads, "430,1100");
        driver = browser.driver();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (harness != null) {
            harness.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void recipientGetsTheFileWithACodeAndDeadLinksAreRefused() throws Exception {
        Deposit deposit = harness.put("printer@example.org", CONTENT);
        String link = harness.base + "/l/" + deposit.link().encoded();

        driver.get(link);
        assertThat(settledText(By.tagName("h1"), t -> t.equals("You have been sent a file"))).isEqualTo("You have been sent a file");
        screenshot("01-link-page");
        navigate(By.linkText("Cymraeg"));
        assertThat(settledText(By.tagName("h1"), t -> t.equals("Mae ffeil wedi'i hanfon atoch chi"))).isEqualTo("Mae ffeil wedi'i hanfon atoch chi");
        screenshot("02-link-page-welsh");
        navigate(By.linkText("English"));

        navigate(By.id("send-code"));
        assertThat(settledText(By.tagName("h1"), t -> t.equals("Enter your code"))).isEqualTo("Enter your code");
        screenshot("03-code-page");
        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        Matcher digits = Pattern.compile("\\b(\\d{8})\\b").matcher(GreenMailUtil.getBody(greenMail.getReceivedMessages()[0]));
        assertThat(digits.find()).isTrue();
        String code = digits.group(1);

        submitCode(code.equals("00000000") ? "11111111" : "00000000");
        assertThat(settledText(By.id("code-error"), t -> t.contains("Tries left: 4"))).contains("Tries left: 4");
        screenshot("04-wrong-code");

        submitCode(code);
        assertThat(settledText(By.tagName("h1"), t -> t.equals("Your file is ready"))).isEqualTo("Your file is ready");
        screenshot("05-ready-to-download");
        driver.findElement(By.id("download")).click();
        assertThat(waitForDownload()).hasBinaryContent(CONTENT);

        String management = harness.base + "/m/" + deposit.management().encoded();
        driver.get(management);
        assertThat(settledText(By.id("state"), t -> t.equals("Active"))).isEqualTo("Active");
        screenshot("06-sender-management");

        Deposit revoked = harness.put("printer@example.org", CONTENT);
        driver.get(harness.base + "/m/" + revoked.management().encoded());
        navigate(By.id("revoke"));
        assertThat(settledText(By.id("state"), t -> t.startsWith("Withdrawn"))).startsWith("Withdrawn");
        driver.get(harness.base + "/l/" + revoked.link().encoded());
        assertThat(settledText(By.tagName("h1"), t -> t.equals("This link cannot be used"))).isEqualTo("This link cannot be used");
        screenshot("07-revoked-link");

        Deposit expiring = harness.put("printer@example.org", CONTENT);
        harness.clock.advance(Duration.ofDays(8));
        driver.get(harness.base + "/l/" + expiring.link().encoded());
        assertThat(settledText(By.tagName("h1"), t -> t.equals("This link cannot be used"))).isEqualTo("This link cannot be used");
        screenshot("08-expired-link");

        Deposit guessed = harness.put("printer@example.org", CONTENT);
        driver.get(harness.base + "/l/" + guessed.link().encoded() + "?lang=cy");
        navigate(By.id("send-code"));
        screenshot("09-code-page-welsh");
        for (int i = 0; i < 5; i++) {
            submitCode("12345678");
        }
        assertThat(settledText(By.tagName("h1"), t -> t.equals("Mae'r ddolen wedi'i chloi am y tro"))).isEqualTo("Mae'r ddolen wedi'i chloi am y tro");
        navigate(By.linkText("English"));
        assertThat(settledText(By.tagName("h1"), t -> t.equals("This link is locked for now"))).isEqualTo("This link is locked for now");
        screenshot("10-locked-link");
    }

    private void submitCode(String code) {
        driver.findElement(By.id("code")).sendKeys(code);
        navigate(By.id("verify"));
    }

    private Path waitForDownload() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(f -> !f.getFileName().toString().endsWith(".crdownload")
                        // Chromium writes to a hidden temp file first and renames it when done.
                        && !f.getFileName().toString().startsWith(".")).toList();
                Optional<Path> file = done.stream().findFirst();
                if (file.isPresent() && Files.size(file.get()) == CONTENT.length) {
                    return file.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the browser did not finish the download");
    }

    private void screenshot(String name) throws IOException {
        browser.screenshot("portal", name);
    }

    private void navigate(By by) {
        browser.navigate(by);
    }

    private String settledText(By by, java.util.function.Predicate<String> expected) {
        return browser.settledText(by, expected);
    }
}
