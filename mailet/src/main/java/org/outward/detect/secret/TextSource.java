package org.outward.detect.secret;

import java.util.Objects;

/**
 * One piece of a message's text as the inspection core hands it to the detectors.
 *
 * <p>Kept deliberately small so the MIME walk can adapt to it: the walk says where the text came from,
 * names the part (e.g. {@code 1.2}) and, for attachments, gives the file name as the sender wrote it,
 * because a file called {@code password.txt} is itself a cue. Quoted reply text inside a body is found by
 * the detector, so the walk passes bodies whole.
 *
 * @param location where the text sits; {@link Location#QUOTED} when the walk already separated it
 * @param partPath the MIME part's path, e.g. {@code 1.2}, or {@code header} for the subject
 * @param fileName the attachment's file name, or {@code null} when the part has none
 * @param text     the text itself, never {@code null}
 */
public record TextSource(Location location, String partPath, String fileName, String text) {

    public TextSource {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(partPath, "partPath");
        Objects.requireNonNull(text, "text");
    }

    /** A source without a file name (subject and bodies). */
    public TextSource(Location location, String partPath, String text) {
        this(location, partPath, null, text);
    }

    /** The subject header as a source. */
    public static TextSource subject(String subject) {
        return new TextSource(Location.SUBJECT, "header", subject == null ? "" : subject);
    }

    /** Never prints the text: it may hold the very secret we are looking for. */
    @Override
    public String toString() {
        return "TextSource[" + location + ", part " + partPath + (fileName == null ? "" : ", file " + fileName)
                + ", " + text.length() + " chars]";
    }
}
