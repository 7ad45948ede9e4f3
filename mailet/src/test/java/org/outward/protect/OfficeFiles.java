package org.outward.protect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Encrypted Office workbooks made with POI, holding a short list of (fictional) members. */
public final class OfficeFiles {

    private OfficeFiles() {
    }

    /** A workbook of members, encrypted by POI as Excel 2013 does (agile, AES-256). */
    public static byte[] encryptedXlsx(String password) throws Exception {
        byte[] plain;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(book);
            book.write(out);
            plain = out.toByteArray();
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(plain);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** The same workbook in the 97-2003 format, with POI's RC4 CryptoAPI encryption. */
    public static byte[] encryptedXls(String password) throws IOException {
        Biff8EncryptionKey.setCurrentUserPassword(password);
        try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(book);
            book.write(out);
            return out.toByteArray();
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
    }

    private static void fill(org.apache.poi.ss.usermodel.Workbook book) {
        var sheet = book.createSheet("Members");
        String[][] rows = {{"Name", "Postcode", "Phone"}, {"Rhiannon Pryce", "CF24 3AA", "07700 900456"},
                {"Gareth Lloyd", "CF10 1BH", "07700 900457"}};
        for (int r = 0; r < rows.length; r++) {
            var row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                row.createCell(c).setCellValue(rows[r][c]);
            }
        }
    }

}
