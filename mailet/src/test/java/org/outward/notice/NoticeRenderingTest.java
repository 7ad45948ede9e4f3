package org.outward.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.outward.policy.PeopleEvidence;

/**
 * Notices as a person sees them: each kind rendered by a real browser (Debian's headless Chromium), its
 * sections checked in the DOM the browser built, and a picture saved to {@code docs/notices/} for review.
 */
class NoticeRenderingTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path PICTURES = Path.of("..", "docs", "notices");

    @TempDir
    static Path temp;

    private static NoticeTemplates templates;

    @BeforeAll
    static void load() throws Exception {
        templates = NoticeTemplates.builtIn();
    }

    /** The link a notice carries when the gateway's portal takes reports (the shipped configurations). */
    private static final String REPORT_LINK = "https://files.party.example/r/"
            + "q3JjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXphYmNkZWZnaGlqa2xtbm9wcXJzdHV2";

    static Stream<Arguments> kinds() {
        NoticeFacts.Part canvass = new NoticeFacts.Part("canvass.xlsx", 312, true, true, "", false, false, false, false,
                List.of("person-name", "postcode"),
                new PeopleEvidence(false, List.of("political-opinion"), List.of("J*** S****, LA9 4**")));
        NoticeFacts.Part zip = new NoticeFacts.Part("members.zip", 0, false, false, "ZIP ZipCrypto", false, false, false, false,
                List.of(), PeopleEvidence.NONE);
        NoticeFacts.Part defaultPassword = new NoticeFacts.Part("canvass.xlsx", 312, true, true, "", false, true,
                false, false, List.of("person-name", "postcode"),
                new PeopleEvidence(false, List.of("political-opinion"), List.of("J*** S****, LA9 4**")));
        NoticeFacts.Part photo = new NoticeFacts.Part("photo.jpg", 0, false, false, "", false, false, true, false,
                List.of(), PeopleEvidence.NONE);
        return Stream.of(
                Arguments.of("blocked-canvass", "en", new NoticeFacts("Canvass returns for Ward 3", Instant.parse("2026-11-22T10:00:00Z"),
                        List.of("agent@example.org"), List.of(), List.of(), List.of(canvass), "", null, "[secure]")
                        .withReportLink(REPORT_LINK),
                        List.of("Your message was not sent", "What we found", "Why it matters", "What to do now",
                                "Report this notice as wrong")),
                Arguments.of("blocked-password", "en", new NoticeFacts("The spreadsheet", Instant.parse("2026-11-22T10:05:00Z"),
                        List.of("agent@example.org"), List.of(), List.of(), List.of(), "Password: T*****-******-**",
                        new NoticeFacts.EarlierAttachment("members.7z", Instant.parse("2026-11-20T18:12:00Z"), true), "[secure]"),
                        List.of("Your message was not sent", "gives the password for",
                                "Treat this password as exposed")),
                Arguments.of("warned-weak-zip", "en", new NoticeFacts("Members", Instant.parse("2026-11-22T11:00:00Z"), List.of(),
                        List.of(), List.of("agent@example.org"), List.of(zip), "", null, "[secure]"),
                        List.of("Please check your message", "the zip format's old encryption: it is broken",
                                "Encrypt it again, properly", "AES-256")),
                Arguments.of("blocked-default-password-welsh", "cy", new NoticeFacts("Canvass returns for Ward 3",
                        Instant.parse("2026-11-22T10:00:00Z"), List.of("agent@example.org"), List.of(), List.of(),
                        List.of(defaultPassword), "", null, "[secure]"),
                        List.of("Ni anfonwyd eich neges", "chyfrinair diofyn Excel ei hun: gall unrhyw un ei hagor",
                                "Amgryptiwch hi eto, yn iawn", "Encrypt with Password")),
                Arguments.of("held-disguised", "en", new NoticeFacts("Photo from Saturday", Instant.parse("2026-11-22T12:00:00Z"),
                        List.of(), List.of("agent@example.org"), List.of(), List.of(photo), "", null, "[secure]"),
                        List.of("Your message is held for checking", "is not what its name says it is")),
                Arguments.of("blocked-canvass-welsh", "cy", new NoticeFacts("Canvass returns for Ward 3",
                        Instant.parse("2026-11-22T10:00:00Z"), List.of("agent@example.org"), List.of(), List.of(), List.of(canvass), "",
                        null, "[secure]").withReportLink(REPORT_LINK),
                        List.of("Ni anfonwyd eich neges", "Beth a ganfuwyd", "Pam mae hyn yn bwysig", "Beth i'w wneud nawr",
                                "Rhoi gwybod bod yr hysbysiad hwn yn anghywir")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void noticeRendersWithItsSections(String kind, String language, NoticeFacts facts, List<String> seen) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed (.ci/run installs it)");
        Path html = Files.writeString(temp.resolve(kind + ".html"), templates.render(facts, language).html());

        String dom = chromium(html, "--dump-dom");
        String visible = dom.replace("&#39;", "'").replace("&amp;", "&");
        for (String text : seen) {
            assertThat(visible).as("rendered " + kind).contains(text);
        }

        Files.createDirectories(PICTURES);
        Path picture = PICTURES.resolve(kind + ".png").toAbsolutePath().normalize();
        chromium(html, "--screenshot=" + picture, "--window-size=720,1500");
        BufferedImage image = ImageIO.read(picture.toFile());
        assertThat(image.getWidth()).isEqualTo(720);
        assertThat(inkedRows(image)).as("rows of the picture with text on them").isGreaterThan(100);
    }

    private static String chromium(Path html, String... action) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + Files.createTempDirectory(temp, "profile")));
        command.addAll(List.of(action));
        command.add(html.toUri().toString());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int inkedRows(BufferedImage image) {
        int rows = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (((rgb >> 16) & 0xFF) < 160 && ((rgb >> 8) & 0xFF) < 160 && (rgb & 0xFF) < 160) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }
}
