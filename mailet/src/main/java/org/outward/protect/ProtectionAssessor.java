package org.outward.protect;

import java.nio.file.Path;

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
}
