package org.outward.inspect;

/** What an {@link InspectionFinding} is about: mostly a bound that was reached, or input that could not be read. */
public enum FindingKind {
    /** Containers nested deeper than {@link InspectionLimits#maxDepth()}; what is below was not opened. */
    DEPTH_LIMIT,
    /** More archive or embedded entries than {@link InspectionLimits#maxArchiveEntries()}; the rest were not opened. */
    ENTRY_LIMIT,
    /** Entries expanded past {@link InspectionLimits#maxTotalExpandedBytes()}. */
    EXPANDED_BYTES_LIMIT,
    /** An entry expanded more than {@link InspectionLimits#maxCompressionRatio()} times its stored size. */
    COMPRESSION_RATIO_LIMIT,
    /** A part or entry larger (or declared larger) than {@link InspectionLimits#maxPartBytes()}. */
    PART_SIZE_LIMIT,
    /** More text than {@link InspectionLimits#maxTextCharsPerPart()}; the text was cut there. */
    TEXT_LIMIT,
    /** Detecting, judging, parsing or expanding a part took longer than {@link InspectionLimits#timePerPart()}. */
    TIME_LIMIT,
    /** An archive entry is encrypted; it was not opened, its name and the container's verdict are kept. */
    ENCRYPTED_ENTRY,
    /** The part could not be read as what it is (broken archive, failed parse); what was read is kept. */
    UNREADABLE,
    /** The true type, the declared type and the name disagree, or the name hides its real extension. */
    TYPE_MISMATCH
}
