package org.outward.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.outward.inspect.InspectedPart;
import org.outward.inspect.Inspection;
import org.outward.inspect.InspectionFinding;
import org.outward.policy.Fact;
import org.outward.policy.FindingKind;
import org.outward.protect.ProtectionLevel;

/**
 * The facts the walk itself establishes, before any detector reads text: attachments, weak protection,
 * disguised files, and parts the gateway could not inspect to the end.
 */
final class InspectionFacts {

    /**
     * Findings of the walk that mean a part was not fully judged. A cut text is judged on what was read and
     * reported as {@link FindingKind#TEXT_CUT}, for the policy to decide.
     */
    private static final Set<org.outward.inspect.FindingKind> NOT_FULLY_INSPECTED = Set.of(
            org.outward.inspect.FindingKind.DEPTH_LIMIT, org.outward.inspect.FindingKind.ENTRY_LIMIT,
            org.outward.inspect.FindingKind.EXPANDED_BYTES_LIMIT, org.outward.inspect.FindingKind.COMPRESSION_RATIO_LIMIT,
            org.outward.inspect.FindingKind.PART_SIZE_LIMIT, org.outward.inspect.FindingKind.TIME_LIMIT,
            org.outward.inspect.FindingKind.UNREADABLE);

    private InspectionFacts() {
    }

    static List<Fact> of(Inspection inspection) {
        List<Fact> facts = new ArrayList<>();
        for (InspectedPart part : inspection.parts()) {
            String name = fileName(part);
            ProtectionLevel level = part.protection().level();
            if (part.disposition() == InspectedPart.Disposition.ATTACHMENT) {
                facts.add(new Fact(FindingKind.ATTACHMENT, part.path(), name, level, 0, 1.0, part.detectedType()));
            }
            if (level == ProtectionLevel.WEAK) {
                facts.add(new Fact(FindingKind.WEAK_PROTECTION, part.path(), name, level, 0, 1.0,
                        part.protection().scheme()));
            }
            if (!part.flags().isEmpty()) {
                facts.add(new Fact(FindingKind.DISGUISED_FILE, part.path(), name, level, 0, 1.0,
                        part.flags().stream().map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                                .sorted().collect(Collectors.joining(", ")) + "; content is " + part.detectedType()));
            }
        }
        for (InspectionFinding finding : inspection.findings()) {
            if (NOT_FULLY_INSPECTED.contains(finding.kind())) {
                InspectedPart part = inspection.part(finding.partPath()).orElse(null);
                facts.add(new Fact(FindingKind.LIMIT_EXCEEDED, finding.partPath(),
                        part == null ? lastSegment(finding.partPath()) : fileName(part),
                        part == null ? ProtectionLevel.UNKNOWN : part.protection().level(), 0, 1.0,
                        finding.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + finding.detail()));
            } else if (finding.kind() == org.outward.inspect.FindingKind.TEXT_LIMIT) {
                InspectedPart part = inspection.part(finding.partPath()).orElse(null);
                facts.add(new Fact(FindingKind.TEXT_CUT, finding.partPath(),
                        part == null ? lastSegment(finding.partPath()) : fileName(part),
                        part == null ? ProtectionLevel.UNKNOWN : part.protection().level(), 0, 1.0, finding.detail()));
            }
        }
        return facts;
    }

    static String fileName(InspectedPart part) {
        return part.declaredName().isEmpty() ? lastSegment(part.path()) : part.declaredName();
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
