package org.outward.inspect;

import java.util.Objects;

/**
 * Something the inspection noticed about the walk itself, for example a limit that was reached.
 *
 * <p>The detail is redacted evidence only, such as a count, a size or a type; never content. It is safe to
 * log.
 *
 * @param kind     what happened
 * @param partPath the part it happened at, as in {@link InspectedPart#path()}; empty for the whole message
 * @param detail   redacted evidence, e.g. {@code "1001 entries, limit 1000"}
 */
public record InspectionFinding(FindingKind kind, String partPath, String detail) {

    public InspectionFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(partPath, "partPath");
        Objects.requireNonNull(detail, "detail");
    }
}
