package org.outward.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

    private final Detector detector;
    private final MimeTypes mimeTypes;
    private final MediaTypeRegistry registry;

    TypeDetective(TikaConfig tika) {
        this.detector = tika.getDetector();
        this.mimeTypes = tika.getMimeRepository();
        this.registry = tika.getMediaTypeRegistry();
    }

    /** The detected type, as {@code type/subtype} without parameters. */
    String detect(Path file, String fileName) throws IOException {
        Metadata metadata = new Metadata();
        if (!fileName.isEmpty()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return detector.detect(in, metadata).getBaseType().toString();
        }
    }

    /** Where the name and the declared type disagree with the detected type. */
    Set<TypeFlag> flags(String detectedType, String declaredType, String fileName) {
        Set<TypeFlag> flags = EnumSet.noneOf(TypeFlag.class);
        MediaType detected = MediaType.parse(detectedType);
        // "application/octet-stream" is a declaration too: an xlsx sent that way hides what it is from filters.
        if (!declaredType.isEmpty() && !isOpaque(detected)) {
            MediaType declared = MediaType.parse(declaredType);
            if (declared != null && detected != null && !related(declared, detected)) {
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
            if (byName != null && detected != null && !related(byName, detected)) {
                flags.add(TypeFlag.EXTENSION_MISMATCH);
            }
        }
        return flags;
    }

    /** A detected type that says nothing beyond "some bytes" can disagree with no declaration. */
    private static boolean isOpaque(MediaType detected) {
        return detected == null || detected.equals(MediaType.OCTET_STREAM);
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
        if (isTextual(na) && isTextual(nb)) {
            // text/plain vs text/csv vs text/x-log: the same family; the content can't tell them apart reliably.
            return registry.isSpecializationOf(na, MediaType.TEXT_PLAIN) || registry.isSpecializationOf(nb, MediaType.TEXT_PLAIN)
                    || na.equals(MediaType.TEXT_PLAIN) || nb.equals(MediaType.TEXT_PLAIN);
        }
        return registry.isSpecializationOf(na, nb) || registry.isSpecializationOf(nb, na);
    }

    private static boolean isTextual(MediaType type) {
        return type.getType().toLowerCase(Locale.ROOT).equals("text");
    }
}
