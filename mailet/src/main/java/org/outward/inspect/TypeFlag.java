package org.outward.inspect;

/** Ways a part's name or declared type disagrees with what its content is. */
public enum TypeFlag {
    /** The declared Content-Type is not the type found in the content (an xlsx sent as octet-stream). */
    DECLARED_TYPE_MISMATCH,
    /** The file name's extension stands for another type than the content (a CSV named photo.jpg). */
    EXTENSION_MISMATCH,
    /** The name holds bidirectional control characters (U+202E and kin) that can disguise its extension. */
    BIDI_CONTROL_IN_NAME,
    /** The name ends in two extensions, the last an executable one (invoice.pdf.exe). */
    DOUBLE_EXTENSION
}
