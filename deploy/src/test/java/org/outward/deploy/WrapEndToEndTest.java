package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.outward.portal.Portal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Secure links through the real James gateway and the in-process portal, in a real browser (Debian's chromium
 * and chromedriver; skipped only when they are absent). GreenMail is the outside world and the sender's mailbox.
 * Screenshots go to {@code docs/portal/}.
 */
class WrapEndToEndTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String SENDER = "sam.volunteer@party.example";
    private static final String AGENT = "alex.agent@example.org";
    private static final String PRINTER = "print.shop@example.net";
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/l/[A-Za-z0-9_-]+");
    private static final Pattern MANAGE = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/m/[A-Za-z0-9_-]+");

    @TempDir
    Path work;

    private GreenMail outside;
    private EmbeddedGateway gateway;
    private Portal portal;
    private WebAdminClient webAdmin;
    private byte[] canvass;

    @BeforeEach
    void start() throws Exception {
        outside = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        outside.start();
        int portalPort = FreePort.find();
        URI publicUrl = URI.create("http://127.0.0.1:" + portalPort);
        gateway = RelayingGateway.startForPortal(work, outside, publicUrl);
        portal = TryOutPortal.start(gateway, portalPort, publicUrl);
        webAdmin = new WebAdminClient(gateway.webAdminPort());
        try (InputStream in = getClass().getResourceAsStream("/fixtures/personal/positive/canvass-1.csv")) {
            canvass = in.readAllBytes();
        }
    }

    @AfterEach
    void stop() {
        if (portal != null) {
            portal.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (outside != null) {
            outside.stop();
        }
    }

    @Test
    void eachRecipientGetsTheirOwnLinkTheSenderTheManagementLinksAndTheVaultHoldsNoPlaintext() throws Exception {
        send("[secure] Canvass returns", AGENT, PRINTER);

        MimeMessage toAgent = await(AGENT);
        MimeMessage toPrinter = await(PRINTER);
        MimeMessage confirmation = await(SENDER);

        for (MimeMessage copy : List.of(toAgent, toPrinter)) {
            assertThat(copy.getSubject()).isEqualTo("Canvass returns");
            assertThat(copy.getHeader("X-Outward-Verdict")).containsExactly("wrap");
            assertThat(attachmentNames(copy)).as("the file is gone").isEmpty();
            String raw = raw(copy);
            assertThat(raw).doesNotContain("Predovic").doesNotContain("Westmorland");
            assertThat(textOf(copy)).contains("Here are Saturday's returns.")
                    .contains("SECURE FILE: canvass.csv").contains(SENDER).contains("Download - Use - Delete");
            assertThat(links(raw, LINK).size()).as("one link in the copy").isEqualTo(1);
        }
        String agentLink = links(raw(toAgent), LINK).get(0);
        String printerLink = links(raw(toPrinter), LINK).get(0);
        assertThat(agentLink.equals(printerLink)).as("each recipient has a link of their own").isFalse();

        assertThat(confirmation.getSubject()).isEqualTo("Sent as secure links: Canvass returns");
        assertThat(links(raw(confirmation), MANAGE).size()).as("a management link per recipient").isEqualTo(2);
        assertThat(raw(confirmation).contains(agentLink.substring(agentLink.lastIndexOf('/') + 1)))
                .as("the sender does not get the recipient's link").isFalse();

        assertThat(vaultContains("Predovic")).as("no plaintext of the attachment in the vault").isFalse();
        assertThat(vaultContains("Westmorland Court")).isFalse();
        assertThat(vaultFileCount()).as("the vault holds the two items").isGreaterThan(0);
    }

    @Test
    void aVaultThatCannotStoreHoldsTheMailWholeAndDeliversNothing() throws Exception {
        Path vault = gateway.settings().vaultFolder();
        try (Stream<Path> paths = Files.walk(vault)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.writeString(vault, "not a folder");

        send("[secure] Canvass returns", AGENT);

        assertThat(webAdmin.awaitKeys("outward-quarantine", 1, Duration.ofSeconds(20))).hasSize(1);
        Thread.sleep(1_000);
        assertThat(mailbox(AGENT)).as("nothing for the agent").isEmpty();
    }

    @Test
    void recipientOpensTheLinkInABrowserWithTheCodeFromTheirMailboxAndGetsTheSameBytes() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipped: Debian's chromium and chromium-driver are not installed (.ci/run installs them).");
        send("Canvass returns [secure]", AGENT, PRINTER);
        String agentLink = links(raw(await(AGENT)), LINK).get(0);
        String printerLink = links(raw(await(PRINTER)), LINK).get(0);
        Path downloads = Files.createDirectories(work.resolve("downloads"));
        ChromeDriver driver = chromium(work.resolve("profile"), downloads);
        try {
            driver.get(agentLink);
            assertThat(settledText(driver, By.tagName("h1"), t -> t.equals("You have been sent a file"))).isEqualTo("You have been sent a file");
            assertThat(driver.getPageSource()).contains("canvass.csv");
            screenshot(driver, "e2e-01-link-from-gateway");
            navigate(driver, By.id("send-code"));
            assertThat(settledText(driver, By.tagName("h1"), t -> t.equals("Enter your code"))).isEqualTo("Enter your code");

            // The code mail went through the gateway on the portal's own listener and was not judged.
            MimeMessage codeMail = await(AGENT, WrapEndToEndTest::isCodeMail);
            assertThat(codeMail.getHeader("X-Outward-Verdict")).as("not judged").isNull();
            String code = code(codeMail);

            driver.findElement(By.id("code")).sendKeys(code.equals("00000000") ? "11111111" : "00000000");
            navigate(driver, By.id("verify"));
            assertThat(settledText(driver, By.id("code-error"), t -> t.contains("Tries left"))).contains("Tries left");
            screenshot(driver, "e2e-02-wrong-code-refused");

            driver.findElement(By.id("code")).sendKeys(code);
            navigate(driver, By.id("verify"));
            assertThat(settledText(driver, By.tagName("h1"), t -> t.equals("Your file is ready"))).isEqualTo("Your file is ready");
            screenshot(driver, "e2e-03-ready");
            driver.findElement(By.id("download")).click();
            assertThat(waitForDownload(downloads)).hasBinaryContent(canvass);

            // The printer's link is not opened by the agent's session, nor by the agent's code.
            driver.get(printerLink);
            assertThat(settledText(driver, By.tagName("h1"), t -> t.equals("You have been sent a file"))).isEqualTo("You have been sent a file");
            navigate(driver, By.id("send-code"));
            MimeMessage printerCode = await(PRINTER, WrapEndToEndTest::isCodeMail);
            assertThat(code(printerCode)).isNotNull();
            assertThat(Arrays.stream(mailbox(AGENT)).filter(WrapEndToEndTest::isCodeMail))
                    .as("the printer's link sent no code to the agent").hasSize(1);
            driver.findElement(By.id("code")).sendKeys(code);
            navigate(driver, By.id("verify"));
            assertThat(settledText(driver, By.id("code-error"), t -> t.contains("Tries left"))).contains("Tries left");
            screenshot(driver, "e2e-04-other-recipients-link-refused");

            // The sender withdraws the printer's file from the management link in their confirmation.
            String confirmation = textOf(await(SENDER, m -> subject(m).startsWith("Sent as secure links")));
            Matcher manage = Pattern.compile("for " + Pattern.quote(PRINTER) + ", until [^\\n]*\\n[^\\n]*?("
                    + MANAGE.pattern() + ")").matcher(confirmation);
            assertThat(manage.find()).as("a management link for the printer's copy").isTrue();
            driver.get(manage.group(1));
            navigate(driver, By.id("revoke"));
            assertThat(settledText(driver, By.id("state"), t -> t.startsWith("Withdrawn"))).startsWith("Withdrawn");
            driver.get(printerLink);
            assertThat(settledText(driver, By.tagName("h1"), t -> t.equals("This link cannot be used"))).isEqualTo("This link cannot be used");
            screenshot(driver, "e2e-05-withdrawn-link-refused");
        } finally {
            driver.quit();
        }
    }

    @Test
    void mailThatClaimsToBeTheGatewaysOwnOnThePublicPortIsJudged() throws Exception {
        for (String forged : List.of("one-time-code", "v1; t=" + (System.currentTimeMillis() / 1000)
                + "; mac=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(SENDER));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(AGENT));
            message.setSubject("Your code");
            message.setHeader("X-Outward-Notice", forged);
            message.setText("Your code is 12345678. The password is Kettle-Harbour-42\n", "UTF-8");
            message.saveChanges();
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            MailClient.submit(gateway.smtpPort(), raw.toByteArray(), SENDER, AGENT);
        }

        assertThat(webAdmin.awaitKeys("outward-blocked", 2, Duration.ofSeconds(20))).as("both judged, both stopped").hasSize(2);
        assertThat(mailbox(AGENT)).as("nothing reached the agent").isEmpty();
    }

    private static ChromeDriver chromium(Path profile, Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=430,1100", "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private Path waitForDownload(Path downloads) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(downloads)) {
                Optional<Path> file = files.filter(f -> !f.getFileName().toString().endsWith(".crdownload")
                        // Chromium writes to a hidden temp file first and renames it when done.
                        && !f.getFileName().toString().startsWith(".")).findFirst();
                if (file.isPresent() && Files.size(file.get()) == canvass.length) {
                    return file.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the browser did not finish the download");
    }

    private static void screenshot(ChromeDriver driver, String name) throws IOException {
        Path docs = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("docs").resolve("portal");
        Files.createDirectories(docs);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void send(String subject, String... recipients) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(SENDER));
        for (String recipient : recipients) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Here are Saturday's returns.", "UTF-8");
        mixed.addBodyPart(text);
        MimeBodyPart file = new MimeBodyPart();
        file.setContent(canvass, "text/csv");
        file.setHeader("Content-Type", "text/csv");
        file.setHeader("Content-Transfer-Encoding", "base64");
        file.setFileName("canvass.csv");
        file.setDisposition(Part.ATTACHMENT);
        mixed.addBodyPart(file);
        message.setContent(mixed);
        message.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        MailClient.submit(gateway.smtpPort(), raw.toByteArray(), SENDER, recipients);
    }

    private MimeMessage await(String address) throws Exception {
        return await(address, m -> true);
    }

    private MimeMessage await(String address, Predicate<MimeMessage> wanted) throws Exception {
        return Mailboxes.await(outside, address, wanted);
    }

    private MimeMessage[] mailbox(String address) {
        return Mailboxes.of(outside, address);
    }

    private static boolean isCodeMail(MimeMessage message) {
        return subject(message).toLowerCase(java.util.Locale.ROOT).contains("code");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String code(MimeMessage message) {
        Matcher digits = Pattern.compile("\\b(\\d{8})\\b").matcher(GreenMailUtil.getBody(message));
        assertThat(digits.find()).as("a code in the mail").isTrue();
        return digits.group(1);
    }

    private static List<String> attachmentNames(MimeMessage message) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        collectNames(message, names);
        return names;
    }

    private static void collectNames(Part part, List<String> names) throws Exception {
        if (part.getContent() instanceof javax.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectNames(multipart.getBodyPart(i), names);
            }
        } else if (part.getFileName() != null) {
            names.add(part.getFileName());
        }
    }

    private static String textOf(MimeMessage message) throws Exception {
        StringBuilder text = new StringBuilder();
        collectText(message, text);
        return text.toString();
    }

    private static void collectText(Part part, StringBuilder into) throws Exception {
        if (part.getContent() instanceof javax.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectText(multipart.getBodyPart(i), into);
            }
        } else if (part.isMimeType("text/plain")) {
            into.append(part.getContent()).append('\n');
        }
    }

    private static List<String> links(String raw, Pattern pattern) {
        Matcher matcher = pattern.matcher(raw);
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return List.copyOf(found);
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private boolean vaultContains(String plaintext) throws IOException {
        byte[] needle = plaintext.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(gateway.settings().vaultFolder())) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                byte[] bytes = Files.readAllBytes(file);
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private long vaultFileCount() throws IOException {
        try (Stream<Path> files = Files.walk(gateway.settings().vaultFolder())) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** Clicks something that loads a new page and waits until the old page is gone, so no lookup finds it. */
    private static void navigate(org.openqa.selenium.WebDriver driver, By by) {
        org.openqa.selenium.WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    /**
     * The text of an element once the page that holds it has loaded: right after a click, the previous page's
     * element may still be found and then go stale as the new page replaces it.
     */
    private static String settledText(org.openqa.selenium.WebDriver driver, By by,
                                      java.util.function.Predicate<String> expected) {
        String[] last = {""};
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .until(d -> {
                        last[0] = d.findElement(by).getText();
                        return expected.test(last[0]);
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            // Fall through: the assertion that follows shows what the page said instead.
        }
        return last[0];
    }
}
