package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.tika.config.TikaConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plain-text shortcut may only ever answer "plain text" where Tika would too: every text it accepts is
 * detected as {@code text/plain} by Tika, and every textual format Tika knows by its head is left to Tika.
 */
class PlainTextTest {

    private static TypeDetective tika;

    @TempDir
    Path dir;

    @BeforeAll
    static void tika() {
        tika = new TypeDetective(TikaConfig.getDefaultConfig());
    }

    static List<String> prose() {
        return List.of(
                "Thanks for helping with the leaflets on Saturday.\r\nWe meet at the library at 10am.\r\n",
                "Hi Sam,\n\nthe bundles are sorted by street and counted. Tea afterwards.\n\nAlex\n",
                "Diolch am eich help gyda'r taflenni ddydd Sadwrn. Cwrdd am 10yb.\n",
                "10 volunteers signed up; 3 more on Tuesday (see the rota).\n",
                "Ça marche — à samedi! Grüße, Zoë\n",
                "Password for the shared drive is Tr0ub4dor&3 and the code is 4471\n",
                "Name, Street, Intention\nAnn Smith, 1 High St, Labour\nBob Jones, 2 High St, Green\n");
    }

    static List<String> notPlain() {
        return List.of(
                "From: sam@party.example\r\nSubject: fwd\r\n\r\nbody\r\n",
                "Received: from mx\r\nMessage-ID: <1@x>\r\n\r\nbody",
                "Return-Path: <a@b>\r\n\r\nx",
                "From sam@party.example Tue Dec  1 10:00:00 2026\nSubject: x\n\nbody\n",
                "Article 12 of alt.politics\nPath: news\n\nbody",
                "%PDF-1.4\n1 0 obj << >> endobj\ntrailer\n%%EOF\n",
                "Agenda\n%PDF-1.7\n1 0 obj\n",
                "%!PS-Adobe-3.0\n%%Title: leaflet\n",
                "{\\rtf1\\ansi Hello}\n",
                "<html><body>Hi</body></html>\n",
                "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
                "-----BEGIN PGP MESSAGE-----\n\nhQEMA5x\n-----END PGP MESSAGE-----\n",
                "Hello\n-----BEGIN PGP MESSAGE-----\n\nhQEMA5x\n-----END PGP MESSAGE-----\n",
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
                "#!/bin/sh\necho hi\n",
                "begin 644 list.csv\nM86)C\n`\nend\n",
                "BEGIN:VCARD\nVERSION:3.0\nFN:Ann Smith\nEND:VCARD\n",
                "ID;PWXL;N;E\nC;Y1;X1;K\"Ann\"\nE\n",
                "d8:announce35:http://tracker.example/announce\n",
                "GIF89a\u0001\u0000\u0001\u0000",
                "text with a NUL \u0000 inside",
                "\uFEFFwith a byte-order mark",
                "");
    }

    @ParameterizedTest
    @MethodSource("prose")
    void proseIsPlainAndTikaAgrees(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(PlainText.certainly(bytes)).isTrue();
        assertThat(tikaSays(bytes)).isEqualTo("text/plain");
    }

    @ParameterizedTest
    @MethodSource("notPlain")
    void formatsThatLookLikeTextAreLeftToTika(String text) {
        assertThat(PlainText.certainly(text.getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void textThatIsNotUtf8IsLeftToTika() {
        assertThat(PlainText.certainly("Caf\u00e9 on Saturday".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(PlainText.certainly("Saturday".getBytes(StandardCharsets.UTF_16LE))).isFalse();
    }

    @Test
    void onlyADeclaredTextPlainPartNamedAsTextTakesTheShortcut() throws IOException {
        Path file = dir.resolve("part");
        byte[] bytes = prose().get(0).getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        Spool.Result whole = new Spool.Result(bytes.length, false, false);
        assertThat(PlainText.certainly(file, whole, "text/plain", "")).isTrue();
        assertThat(PlainText.certainly(file, whole, "text/plain", "notes.TXT")).isTrue();
        assertThat(PlainText.certainly(file, whole, "text/plain", "register.csv")).isFalse();
        assertThat(PlainText.certainly(file, whole, "application/octet-stream", "")).isFalse();
        assertThat(PlainText.certainly(file, whole, "text/html", "")).isFalse();
        assertThat(PlainText.certainly(file, new Spool.Result(bytes.length, true, false), "text/plain", "")).isFalse();
        assertThat(PlainText.certainly(file, new Spool.Result(bytes.length, false, true), "text/plain", "")).isFalse();
    }

    /** Every text/plain part among the fixtures that takes the shortcut is one Tika calls text/plain. */
    @Test
    void fixturesTakingTheShortcutAreTextToTikaToo() throws IOException {
        try (var files = Files.walk(fixtureRoot())) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> Files.isReadable(f)).toList()) {
                if (Files.size(file) > PlainText.MAX_BYTES) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                if (PlainText.certainly(bytes)) {
                    assertThat(tikaSays(bytes)).as(file.toString()).isEqualTo("text/plain");
                }
            }
        }
    }

    private String tikaSays(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "sample", ".bin");
        Files.write(file, bytes);
        return tika.detect(file, "");
    }

    static Path fixtureRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("test-fixtures/files"))) {
                return d.resolve("test-fixtures");
            }
        }
        throw new IllegalStateException("test-fixtures not found");
    }
}
