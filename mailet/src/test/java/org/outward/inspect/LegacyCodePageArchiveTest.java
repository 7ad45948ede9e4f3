package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Zip archives as Windows archivers in China and Japan write them: entry names and text in the local code page (GBK,
 * Shift-JIS) without the zip's UTF-8 flag. Made here with commons-compress (the real corpus's two such archives come
 * from Tika's suite): the names are read right, the text is read as text, and nothing is called disguised.
 */
class LegacyCodePageArchiveTest extends AttachmentInspection {

    @ParameterizedTest
    @CsvSource({
            "GBK, 会员名单.txt, 会员名单：张伟，北京市朝阳区；李娜，上海市浦东新区；王芳，广州市天河区。, 活动安排.txt, 周六上午九点在社区中心集合，发放传单。",
            "Shift_JIS, 議事録.txt, 次回の会合は土曜日の午前十時に公民館で行います。資料を持参してください。, 名簿.txt, 山田太郎、東京都新宿区。佐藤花子、大阪府大阪市北区。"})
    void namesAndTextInALegacyCodePageAreReadRight(String codePage, String firstName, String firstText,
                                                  String secondName, String secondText) throws Exception {
        Charset charset = Charset.forName(codePage);
        byte[] zip = zip(charset, List.of(firstName, secondName), List.of(firstText.getBytes(charset),
                secondText.getBytes(charset)));

        Inspection inspection = attach("files.zip", "application/zip", zip);

        List<InspectedPart> entries = inspection.parts().stream().filter(p -> p.path().startsWith("2/files.zip/"))
                .toList();
        assertThat(entries).extracting(InspectedPart::declaredName).containsExactly(firstName, secondName);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.flags()).as(entry.path()).isEmpty();
            assertThat(entry.detectedType()).as(entry.path()).isEqualTo("text/plain");
        });
        assertThat(entries.get(0).text().text()).contains(firstText.substring(0, 8));
        assertThat(entries.get(1).text().text()).contains(secondText.substring(0, 8));
        assertThat(inspection.findings()).extracting(InspectionFinding::kind).doesNotContain(FindingKind.TYPE_MISMATCH);
    }

    @Test
    void anEmptyEntryHasNoContentToDisagreeWithItsNameNorToFailToRead() throws Exception {
        byte[] zip = zip(Charset.forName("GBK"), List.of("空白文档.doc", "说明.txt"),
                List.of(new byte[0], "请填写表格后交回。".getBytes("GBK")));

        Inspection inspection = attach("forms.zip", "application/zip", zip);

        assertThat(inspection.parts()).filteredOn(p -> p.path().startsWith("2/forms.zip/"))
                .allSatisfy(entry -> assertThat(entry.flags()).as(entry.path()).isEmpty());
        // Nothing in it to read, so nothing that could not be read.
        assertThat(inspection.findings()).isEmpty();
    }

    @Test
    void bytesThatAreNoTextHaveNoCodePage() throws Exception {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        byte[] zip = zip(Charset.forName("GBK"), List.of("说明.txt"), List.of("请填写表格后交回。".getBytes("GBK")));

        assertThat(LegacyCodePage.of(noise)).isEmpty();
        assertThat(LegacyCodePage.of(zip)).isEmpty();
        assertThat(LegacyCodePage.of("Plain ASCII and UTF-8: café".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(LegacyCodePage.of("Café in Windows-1252, crème brûlée for the volunteers' evening."
                .getBytes("windows-1252"))).isPresent();
    }

    /** Entries named in the code page, without the UTF-8 flag or Unicode extra fields, as old Windows archivers do. */
    private static byte[] zip(Charset charset, List<String> names, List<byte[]> contents) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.setEncoding(charset.name());
            zip.setUseLanguageEncodingFlag(false);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            for (int i = 0; i < names.size(); i++) {
                zip.putArchiveEntry(new ZipArchiveEntry(names.get(i)));
                zip.write(contents.get(i));
                zip.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }
}
