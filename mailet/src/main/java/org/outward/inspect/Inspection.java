package org.outward.inspect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.outward.protect.Protection;

/**
 * What one inspection of a message (or a lone file) found.
 *
 * @param parts             every leaf part, attachment, archive entry and embedded file, in walk order
 * @param findings          limits reached, unreadable parts, type mismatches
 * @param messageProtection the protection of the message as a whole when its body is S/MIME or PGP/MIME
 *                          encrypted; empty for an ordinary message
 */
public record Inspection(List<InspectedPart> parts, List<InspectionFinding> findings,
                         Optional<Protection> messageProtection) {

    public Inspection {
        parts = List.copyOf(parts);
        findings = List.copyOf(findings);
        Objects.requireNonNull(messageProtection, "messageProtection");
    }

    /** The part at this path, if any. */
    public Optional<InspectedPart> part(String path) {
        return parts.stream().filter(p -> p.path().equals(path)).findFirst();
    }

    /** The findings of this kind. */
    public List<InspectionFinding> findings(FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }
}
