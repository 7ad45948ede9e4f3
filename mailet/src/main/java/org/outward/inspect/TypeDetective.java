package org.outward.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import org.apache.commons.io.input.BoundedInputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * Finds what a part really is from its bytes, and where its name or declared type says otherwise.
 *
 * <p>The name is given to Tika's detector only as a hint: Tika lets a name narrow a type the content already
 * shows (plain text named {@code .csv} becomes {@code text/csv}) but never overrules the content, so a CSV
 * named {@code photo.jpg} stays text.
 */
final class TypeDetective {

    private static final Pattern BIDI = Pattern.compile("[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern DOUBLE_EXTENSION = Pattern.compile(
            "(?i).+\\.[a-z0-9]{2,5}\\s*\\.(exe|scr|com|bat|cmd|pif|js|jse|vbs|vbe|wsf|jar|msi|ps1|lnk|hta|cpl|reg|iso|img)$");

    /** Encrypted OOXML is an OLE2 container; Tika names it so whatever the document inside. */
    private static final MediaType OOXML_PROTECTED = MediaType.application("x-tika-ooxml-protected");
    private static final MediaType OOXML = MediaType.application("x-tika-ooxml");
    private static final MediaType APPLE_SINGLE = MediaType.application("applefile");
    private static final MediaType ZIP = MediaType.application("zip");
    /** A legacy Office document under rights management: an OLE2 container, whichever application made it. */
    private static final MediaType OLE_DRM = MediaType.application("x-tika-ole-drm-encrypted");
    private static final Set<MediaType> LEGACY_OFFICE = Set.of(MediaType.application("msword"),
            MediaType.application("vnd.ms-excel"), MediaType.application("vnd.ms-powerpoint"));

    /**
     * CMS structures (S/MIME) all start as the same DER ContentInfo: from the bytes alone an enveloped
     * {@code .p7m} is indistinguishable from a signature, so every CMS name fits every CMS content.
     */
    private static final Set<MediaType> CMS = Set.of(
            MediaType.application("pkcs7-mime"), MediaType.application("pkcs7-signature"),
            MediaType.application("x-pkcs7-mime"), MediaType.application("x-pkcs7-signature"),
            MediaType.application("x-pkcs7-certificates"));

    /**
     * Types whose usual form is ASCII armour or PEM, which is plain text to a detector: an armoured OpenPGP
     * message named {@code .asc} or an S/MIME file saved as {@code .pem} is exactly what its name says.
     * The content is still read as text, so nothing a disguise could hide escapes the scan.
     */
    private static final Set<MediaType> ARMOURED = Set.of(
            MediaType.application("pgp-encrypted"), MediaType.application("pgp-signature"),
            MediaType.application("pgp-keys"), MediaType.application("x-x509-cert"),
            MediaType.application("x-pem-file"), MediaType.application("pkcs7-mime"),
            MediaType.application("pkcs7-signature"));

    /**
     * Types that are dialects of one another as far as a name goes: the program that opens one opens the others,
     * and people and programs name them alike (XHTML saved as {@code .html}, an Excel 4 sheet or a Word 2003 XML or
     * RTF document saved as {@code .xls} or {@code .doc}, any iWork document as {@code .pages}, {@code .numbers} or
     * {@code .key}). The content is read whatever its dialect.
     */
    private static final List<Set<MediaType>> DIALECTS = List.of(
            Set.of(MediaType.TEXT_HTML, MediaType.application("xhtml+xml")),
            Set.of(MediaType.application("vnd.ms-excel"), MediaType.application("vnd.ms-excel.sheet.2"),
                    MediaType.application("vnd.ms-excel.sheet.3"), MediaType.application("vnd.ms-excel.sheet.4"),
                    MediaType.application("vnd.ms-excel.workspace.3"), MediaType.application("vnd.ms-excel.workspace.4")),
            Set.of(MediaType.application("msword"), MediaType.application("rtf"), MediaType.application("vnd.ms-wordml")),
            // OOXML: a template or a macro-enabled file under a document's name opens in the same program
            Set.of(MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document"),
                    MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.template"),
                    MediaType.application("vnd.ms-word.document.macroenabled.12"),
                    MediaType.application("vnd.ms-word.template.macroenabled.12")),
            Set.of(MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                    MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.template"),
                    MediaType.application("vnd.ms-excel.sheet.macroenabled.12"),
                    MediaType.application("vnd.ms-excel.template.macroenabled.12")),
            Set.of(MediaType.application("vnd.openxmlformats-officedocument.presentationml.presentation"),
                    MediaType.application("vnd.openxmlformats-officedocument.presentationml.template"),
                    MediaType.application("vnd.openxmlformats-officedocument.presentationml.slideshow"),
                    MediaType.application("vnd.ms-powerpoint.presentation.macroenabled.12")),
            // iWork: the 2013 format of each application, and one Tika cannot tell apart from the others
            Set.of(MediaType.application("vnd.apple.pages"), MediaType.application("vnd.apple.pages.13"),
                    MediaType.application("vnd.apple.pages.18"), MediaType.application("vnd.apple.numbers"),
                    MediaType.application("vnd.apple.numbers.13"), MediaType.application("vnd.apple.numbers.18"),
                    MediaType.application("vnd.apple.keynote"), MediaType.application("vnd.apple.keynote.13"),
                    MediaType.application("vnd.apple.keynote.18"), MediaType.application("vnd.apple.unknown.13")));

    private final Detector detector;
    private final MimeTypes mimeTypes;
    private final MediaTypeRegistry registry;

    TypeDetective(TikaConfig tika) {
        this.detector = tika.getDetector();
        this.mimeTypes = tika.getMimeRepository();
        this.registry = tika.getMediaTypeRegistry();
    }

    /**
     * The detected type, as {@code type/subtype} without parameters. Where Tika's magic sees only bytes or some
     * text, what readers know better is named here: CMS compressed data (see {@link CmsCompressed}), a PDF after a
     * print job header (see {@link PdfHeader}), and text in a legacy code page (Shift-JIS, GBK; see
     * {@link LegacyCodePage}), named {@code text/plain} so it is read as the text it is.
     */
    String detect(Path file, String fileName) throws IOException {
        Metadata metadata = new Metadata();
        if (!fileName.isEmpty()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        if (CmsCompressed.is(PlainText.head(file))) {
            return CmsCompressed.TYPE;
        }
        MediaType type;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            type = detector.detect(in, metadata).getBaseType();
        }
        boolean vague = type.equals(MediaType.OCTET_STREAM) || isTextual(type);
        if (vague && !type.equals(MediaType.TEXT_PLAIN) && PdfHeader.within(PlainText.head(file))) {
            return "application/pdf";
        }
        if (type.equals(MediaType.OCTET_STREAM) && LegacyCodePage.of(PlainText.head(file)).isPresent()) {
            return MediaType.TEXT_PLAIN.toString();
        }
        return type.toString();
    }

    /** Whether the type is a zip or a format built on zip (OOXML, OpenDocument, EPUB, JAR). */
    boolean isZipBased(String type) {
        MediaType parsed = MediaType.parse(type);
        return parsed != null && (parsed.equals(ZIP) || registry.isSpecializationOf(parsed, ZIP));
    }

    /**
     * The type a part's name and declared type are judged against: the detected type, or for an envelope that
     * carries one document under that document's name (AppleSingle), the type of the document inside.
     */
    String judgedType(Path file, String detectedType) throws IOException {
        if (!detectedType.equals(APPLE_SINGLE.toString())) {
            return detectedType;
        }
        Optional<AppleSingle.Fork> fork = AppleSingle.dataFork(file);
        if (fork.isEmpty()) {
            return detectedType;
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(fork.get().offset());
            try (TikaInputStream data = TikaInputStream.get(BoundedInputStream.builder().setInputStream(in)
                    .setMaxCount(fork.get().length()).get())) {
                return detector.detect(data, new Metadata()).getBaseType().toString();
            }
        }
    }

    /**
     * Where the name and the declared type disagree with the detected type.
     *
     * @param empty       the part has no content: then nothing can disagree with its name or declared type
     * @param textContent whether the content is readable text, whatever format Tika names it: any such format sent
     *                    as {@code .txt} or {@code text/plain} is what its name says (ISA-Tab, a log, source code);
     *                    asked only when a text name or type disagrees, since it reads the file's head
     */
    Set<TypeFlag> flags(String detectedType, String declaredType, String fileName, boolean empty,
                        BooleanSupplier textContent) {
        Set<TypeFlag> flags = EnumSet.noneOf(TypeFlag.class);
        MediaType detected = empty ? null : MediaType.parse(detectedType);
        // "application/octet-stream" declares nothing (RFC 2046: arbitrary data); mail programs use it for any
        // type they have no name for, and the content is read by what it is, so only the name is checked then.
        if (!declaredType.isEmpty() && !isOpaque(detected) && !isOpaque(MediaType.parse(declaredType))) {
            MediaType declared = MediaType.parse(declaredType);
            if (declared != null && detected != null && !related(declared, detected)
                    && !(isPlainText(declared) && textContent.getAsBoolean())) {
                flags.add(TypeFlag.DECLARED_TYPE_MISMATCH);
            }
        }
        if (!fileName.isEmpty()) {
            if (BIDI.matcher(fileName).find()) {
                flags.add(TypeFlag.BIDI_CONTROL_IN_NAME);
            }
            String visible = BIDI.matcher(fileName).replaceAll("");
            if (DOUBLE_EXTENSION.matcher(visible).matches()) {
                flags.add(TypeFlag.DOUBLE_EXTENSION);
            }
            MediaType byName = typeOfName(visible);
            if (byName != null && detected != null && !related(byName, detected)
                    && !(isPlainText(byName) && textContent.getAsBoolean())) {
                flags.add(TypeFlag.EXTENSION_MISMATCH);
            }
        }
        return flags;
    }

    /** A type that says nothing beyond "some bytes", detected or declared, can disagree with nothing. */
    private static boolean isOpaque(MediaType type) {
        return type == null || type.equals(MediaType.OCTET_STREAM);
    }

    private MediaType typeOfName(String fileName) {
        if (fileName.lastIndexOf('.') < 0) {
            return null;
        }
        try {
            MediaType type = mimeTypes.forName(mimeTypes.getMimeType(fileName).getName()).getType();
            return type.equals(MediaType.OCTET_STREAM) ? null : type;
        } catch (MimeTypeException | RuntimeException e) {
            return null;
        }
    }

    /** Same type, aliases, or one a specialisation of the other (OOXML spreadsheet of ZIP, CSV of text). */
    private boolean related(MediaType a, MediaType b) {
        MediaType na = registry.normalize(a.getBaseType());
        MediaType nb = registry.normalize(b.getBaseType());
        if (na.equals(nb)) {
            return true;
        }
        if (na.equals(MediaType.OCTET_STREAM) || nb.equals(MediaType.OCTET_STREAM)) {
            // Everything specialises octet-stream; as a declaration it hides the type, so it never matches one.
            return false;
        }
        if (sameProtectedFamily(na, nb) || sameProtectedFamily(nb, na)) {
            return true;
        }
        if (DIALECTS.stream().anyMatch(family -> family.contains(na) && family.contains(nb))) {
            return true;
        }
        if (na.getType().equals("image") && nb.getType().equals("image")) {
            // A PNG saved as .jpg is what phones and browsers make every day; images are not read for text either way.
            return true;
        }
        if (isTextual(na) && isTextual(nb)) {
            // text/plain vs text/csv vs text/x-log: the same family; the content can't tell them apart reliably.
            return registry.isSpecializationOf(na, MediaType.TEXT_PLAIN) || registry.isSpecializationOf(nb, MediaType.TEXT_PLAIN)
                    || na.equals(MediaType.TEXT_PLAIN) || nb.equals(MediaType.TEXT_PLAIN);
        }
        return registry.isSpecializationOf(na, nb) || registry.isSpecializationOf(nb, na);
    }

    /**
     * Encrypted and signed files whose detected type legitimately differs from the type of their name; the
     * party's rules ask members to send exactly these, so they must not look disguised.
     */
    private boolean sameProtectedFamily(MediaType detected, MediaType named) {
        if (detected.equals(OOXML_PROTECTED)) {
            return registry.isSpecializationOf(named, OOXML);
        }
        if (detected.equals(OLE_DRM)) {
            return LEGACY_OFFICE.contains(named) || registry.isSpecializationOf(named, OOXML);
        }
        if (CMS.contains(detected)) {
            return CMS.contains(named);
        }
        if (detected.equals(MediaType.TEXT_PLAIN)) {
            return ARMOURED.contains(named);
        }
        return false;
    }

    private boolean isPlainText(MediaType type) {
        return registry.normalize(type.getBaseType()).equals(MediaType.TEXT_PLAIN);
    }

    private static boolean isTextual(MediaType type) {
        return type.getType().toLowerCase(Locale.ROOT).equals("text");
    }
}
