package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.protect.ProtectionChecks;
import org.outward.protect.verify.PasswordCheckReaders;

/**
 * A plain text body is judged from memory, with no temp folder or file, and exactly as it is from a file: the
 * same type, size, flags, protection verdict and text, tables included.
 */
class TextInMemoryTest {

    @TempDir
    static Path dir;

    private static MessageInspector noTempFolder;
    private static MessageInspector withTempFolder;

    @BeforeAll
    static void start() {
        // A temp parent that does not exist: any part that needs a file fails the inspection loudly.
        noTempFolder = new MessageInspector(InspectionLimits.defaults(), ProtectionChecks.defaults(),
                ParserIsolation.inProcess(), PasswordCheckReaders.defaults(), dir.resolve("missing"));
        withTempFolder = new MessageInspector(InspectionLimits.defaults(), ProtectionChecks.defaults(),
                ParserIsolation.inProcess(), PasswordCheckReaders.defaults(), dir);
    }

    @AfterAll
    static void stop() {
        noTempFolder.close();
        withTempFolder.close();
    }

    @Test
    void plainTextMailNeedsNoTempFolder() {
        String raw = Mail.message("b1",
                Mail.text("Thanks for helping on Saturday.\r\n"),
                Mail.text("Name, Street, Intention\r\nAnn Smith, 1 High St, Labour\r\nBob Jones, 2 High St, Green\r\n"));

        Inspection inspection = noTempFolder.inspect(Mail.stream(raw));

        assertThat(inspection.findings()).isEmpty();
        assertThat(inspection.parts()).extracting(InspectedPart::detectedType).containsOnly("text/plain");
        assertThat(inspection.parts().get(0).text().text()).contains("Thanks for helping on Saturday.");
        assertThat(inspection.parts().get(1).text().tables()).hasSize(1);
        assertThat(Files.exists(dir.resolve("missing"))).isFalse();
    }

    /**
     * The control: the inspector above really has nowhere to write, so a part that needs a file cannot be read
     * there (and the walk says so: it fails closed), while the same inspector with a temp folder reads it.
     */
    @Test
    void aPartThatNeedsAFileStillGetsOne() {
        String raw = Mail.message("b2", Mail.text("See attached.\r\n"),
                Mail.attachment("application/octet-stream; name=\"list.csv\"", "; filename=\"list.csv\"",
                        "Name,Street\r\nAnn Smith,1 High St\r\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(noTempFolder.inspect(Mail.stream(raw)).findings()).extracting(InspectionFinding::kind)
                .contains(FindingKind.UNREADABLE);
        assertThat(withTempFolder.inspect(Mail.stream(raw)).parts().get(1).text().tables()).hasSize(1);
    }

    /** Every text that takes the shortcut (the prose samples and the fixtures) reads the same from memory as from a file. */
    @Test
    void memoryAndFileGiveTheSamePart() throws Exception {
        List<byte[]> texts = new ArrayList<>();
        PlainTextTest.prose().forEach(t -> texts.add(t.getBytes(StandardCharsets.UTF_8)));
        try (var files = Files.walk(PlainTextTest.fixtureRoot())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (Files.size(file) <= PlainText.MAX_BYTES && PlainText.certainly(Files.readAllBytes(file))) {
                    texts.add(Files.readAllBytes(file));
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(20);
        for (byte[] text : texts) {
            String raw = Mail.headers("text/plain; charset=utf-8") + "Content-Transfer-Encoding: base64\r\n\r\n"
                    + java.util.Base64.getMimeEncoder().encodeToString(text) + "\r\n";
            InspectedPart fromMemory = noTempFolder.inspect(Mail.stream(raw)).parts().get(0);
            Path file = Files.createTempFile(dir, "text", ".bin");
            Files.write(file, text);
            InspectedPart fromFile = withTempFolder.inspectFile(file, "notes.txt").parts().get(0);

            String which = new String(text, 0, Math.min(40, text.length), StandardCharsets.UTF_8);
            assertThat(fromMemory.detectedType()).as(which).isEqualTo(fromFile.detectedType());
            assertThat(fromMemory.size()).as(which).isEqualTo(fromFile.size());
            assertThat(fromMemory.protection()).as(which).isEqualTo(fromFile.protection());
            assertThat(fromMemory.text()).as(which).isEqualTo(fromFile.text());
            assertThat(fromMemory.flags()).as(which).isEqualTo(fromFile.flags());
        }
    }
}
