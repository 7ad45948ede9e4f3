package org.outward.protect;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * One format's protection check, in the manner of a Tika parser or a Presidio recogniser: it says which
 * media types and magic it handles and judges the file from that format's own structures.
 *
 * <p>A check may throw on malformed input; {@link ProtectionChecks} turns any exception into
 * {@link ProtectionLevel#UNKNOWN} and bounds the time spent. Exceptions must carry structure facts only,
 * never file content.
 */
public interface ProtectionCheck {

    /** The format's short name, used in reasons such as {@code "malformed 7z (EOFException)"}. */
    String format();

    /** The media types, as Tika detects them, that this check handles outright. */
    Set<String> mediaTypes();

    /** Whether the file's first bytes show this format; used when the detected type is generic. */
    boolean hasMagic(FileHead head);

    /** Judges the file; may throw on malformed input. */
    Protection check(Path file, FileHead head) throws Exception;

    /** Whether this check should judge a file of this (normalised) type with this head. */
    default boolean accepts(String mediaType, FileHead head) {
        return mediaTypes().contains(mediaType) || (isGeneric(mediaType) && hasMagic(head));
    }

    /** A type that says nothing about the format, so magic decides. */
    static boolean isGeneric(String mediaType) {
        return mediaType.isEmpty() || mediaType.equals("application/octet-stream");
    }

    /** {@code "Application/PDF; version=1.7"} becomes {@code "application/pdf"}. */
    static String normalise(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        int semicolon = mediaType.indexOf(';');
        String bare = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
        return bare.trim().toLowerCase(Locale.ROOT);
    }
}
