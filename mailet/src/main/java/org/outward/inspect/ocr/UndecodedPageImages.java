package org.outward.inspect.ocr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The pages of a PDF with an image that could hold a list but that no decoder here reads: JPEG 2000
 * ({@code JPXDecode}, which the JDK cannot decode and for which no maintained ImageIO decoder under an open
 * licence exists) or JBIG2 where PDFBox's JBIG2 decoder is missing. PDFBox draws such an image as nothing, so
 * OCR of a scanned register would read a blank page and find no one: such a PDF is not fully inspected instead.
 * Only the images' dictionaries are read, never their pixels; images smaller than {@value #MIN_SIDE} pixels on
 * their short side (logos, stamps) cannot hold a list and do not count.
 */
public final class UndecodedPageImages {

    /** As the image screen's smallest side for a list (ImageScreen.MIN_SIDE). */
    static final int MIN_SIDE = 200;
    /** Forms inside forms, as deep as any producer writes them; deeper nesting is not followed. */
    private static final int MAX_FORM_DEPTH = 8;
    /** Pages named in the description; the rest are counted. */
    private static final int PAGES_NAMED = 3;

    private UndecodedPageImages() {
    }

    /** What is undecoded, for a finding ("JPEG 2000 page images, no decoder here: pages 1, 4"), or empty. */
    public static Optional<String> in(Path pdf) {
        ImageDecoders.ensureRegistered();
        boolean jpx = !ImageIO.getImageReadersByFormatName("JPEG2000").hasNext();
        boolean jbig2 = !ImageIO.getImageReadersByFormatName("JBIG2").hasNext();
        if (!jpx && !jbig2) {
            return Optional.empty();
        }
        Set<COSName> undecoded = new HashSet<>();
        if (jpx) {
            undecoded.add(COSName.JPX_DECODE);
        }
        if (jbig2) {
            undecoded.add(COSName.JBIG2_DECODE);
        }
        List<Integer> pages = new ArrayList<>();
        Set<COSName> met = new LinkedHashSet<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int number = 0;
            for (PDPage page : document.getPages()) {
                number++;
                Set<COSName> found = new HashSet<>();
                scan(page.getResources(), undecoded, found, 0,
                        Collections.newSetFromMap(new IdentityHashMap<COSBase, Boolean>()));
                if (!found.isEmpty()) {
                    pages.add(number);
                    met.addAll(found);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A PDF PDFBox cannot open here (a password, damage): its parse reports that, not this.
            return Optional.empty();
        }
        if (pages.isEmpty()) {
            return Optional.empty();
        }
        List<String> kinds = met.stream().map(f -> f.equals(COSName.JPX_DECODE) ? "JPEG 2000" : "JBIG2").sorted()
                .toList();
        String named = String.join(", ", pages.stream().limit(PAGES_NAMED).map(String::valueOf).toList());
        return Optional.of(String.join(" and ", kinds) + " page images, no decoder here: page"
                + (pages.size() == 1 ? " " : "s ") + named
                + (pages.size() > PAGES_NAMED ? " and " + (pages.size() - PAGES_NAMED) + " more" : ""));
    }

    private static void scan(PDResources resources, Set<COSName> undecoded, Set<COSName> found, int depth,
                             Set<COSBase> seen) throws IOException {
        if (resources == null || depth > MAX_FORM_DEPTH || !seen.add(resources.getCOSObject())) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                if (Math.min(image.getWidth(), image.getHeight()) >= MIN_SIDE) {
                    for (COSName filter : image.getStream().getFilters()) {
                        if (undecoded.contains(filter)) {
                            found.add(filter);
                        }
                    }
                }
            } else if (object instanceof PDFormXObject form) {
                scan(form.getResources(), undecoded, found, depth + 1, seen);
            }
        }
    }
}
