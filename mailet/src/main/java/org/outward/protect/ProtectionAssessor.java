package org.outward.protect;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Judges how well one file is protected, from the file's own structures.
 *
 * <p>The inspection core calls this once for every part and archive entry, with the part spooled to a file
 * (zip, 7z, OLE2 and PDF need random access) and the type Tika detected from its content. An implementation
 * never throws for bad input: a file it cannot judge is {@link ProtectionLevel#UNKNOWN} with the reason.
 */
@FunctionalInterface
public interface ProtectionAssessor {

    /**
     * @param file      the part's bytes, decoded from its transfer encoding
     * @param mediaType the type detected from the content, e.g. {@code application/x-tika-ooxml-protected}
     * @param fileName  the name the sender gave it, possibly empty; evidence only, never trusted
     */
    Protection assess(Path file, String mediaType, String fileName);

    /**
     * The verdict from the head alone, for a part held in memory, when this assessor can tell it without the
     * file; empty when it must read the file (the caller then spools the part and calls {@link #assess}). When
     * present it is the verdict {@link #assess} gives for the same content.
     *
     * @param head the part's head; when the part is no longer than {@link FileHead#LENGTH}, the whole part
     */
    default Optional<Protection> assessHead(FileHead head, String mediaType, String fileName) {
        return Optional.empty();
    }
}
