package org.outward.inspect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** Real files made with the libraries users' tools are built on (POI, PDFBox, commons-compress). */
final class Samples {

    static final String CSV = "Name,Address,Postcode,Elector number\n"
            + "Ann Jones,1 High Street,AB1 2CD,KA123\n"
            + "Bob Evans,2 Low Road,AB1 3EF,KA124\n";

    private Samples() {
    }

    /** A one-page PDF (PDFBox) showing one line of text. */
    static byte[] pdf(String line) throws IOException {
        return WarmUpSamples.pdf(List.of(line));
    }

    static byte[] xlsx() throws IOException {
        return StrictPackages.transitional("Canvass", new String[][] {{"Name", "Postcode", "Phone"},
                {"Ann Jones", "AB1 2CD", "07700 900123"}, {"Bob Evans", "AB1 3EF", "07700 900456"}});
    }

    static byte[] docxWithTable() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Volunteers for Saturday");
            XWPFTable table = doc.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Name");
            table.getRow(0).getCell(1).setText("Ward");
            table.getRow(1).getCell(0).setText("Ann Jones");
            table.getRow(1).getCell(1).setText("Castle");
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** A zip of the given entries; {@code null} content makes a directory. */
    static byte[] zip(Object... nameAndContent) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                ZipArchiveEntry entry = new ZipArchiveEntry((String) nameAndContent[i]);
                zip.putArchiveEntry(entry);
                zip.write((byte[]) nameAndContent[i + 1]);
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] tarGz(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(bytes);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    static byte[] csv() {
        return CSV.getBytes(StandardCharsets.UTF_8);
    }
}
