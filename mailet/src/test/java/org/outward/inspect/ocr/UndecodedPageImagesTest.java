package org.outward.inspect.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.fixtures.FakePeople;
import org.outward.fixtures.photos.CanvassSheets;
import org.outward.fixtures.photos.PhotoEncoder;
import org.outward.fixtures.photos.ScannedPdfs;

/** Which PDFs have page images OCR cannot decode: a scanned page in JPEG 2000 does, a small logo in it does not. */
class UndecodedPageImagesTest {

    @TempDir
    Path dir;

    @Test
    void aPageScannedToJpeg2000IsNamed() throws Exception {
        Path pdf = Files.write(dir.resolve("scan.pdf"), ScannedPdfs.jpeg2000(CanvassSheets.sheet(new FakePeople(3))));
        assertThat(UndecodedPageImages.in(pdf)).hasValue("JPEG 2000 page images, no decoder here: page 1");
    }

    @Test
    void aPageScannedToJbig2HasADecoder() throws Exception {
        Path pdf = Files.write(dir.resolve("scan.pdf"), ScannedPdfs.jbig2(CanvassSheets.sheet(new FakePeople(3))));
        assertThat(UndecodedPageImages.in(pdf)).isEmpty();
    }

    /** A logo too small to hold a list does not make a letter unreadable. */
    @Test
    void aSmallJpeg2000LogoDoesNotCount() throws Exception {
        BufferedImage logo = new BufferedImage(180, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = logo.createGraphics();
        g.setColor(new Color(200, 20, 40));
        g.fillRect(0, 0, 180, 60);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(logo, "jpeg", jpeg);
        byte[] jp2 = PhotoEncoder.JPEG_2000.fromJpeg(jpeg.toByteArray());
        Path pdf = dir.resolve("letter.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject image = new PDImageXObject(document, new ByteArrayInputStream(jp2), COSName.JPX_DECODE,
                    180, 60, 8, PDDeviceRGB.INSTANCE);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 50, 750, 180, 60);
            }
            document.save(pdf.toFile());
        }
        assertThat(UndecodedPageImages.in(pdf)).isEmpty();
    }
}
