package org.outward.protect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Combines the verdicts of a container's entries into the container's own verdict. */
final class Verdicts {

    private Verdicts() {
    }

    /** How weak a level is: the container is as weak as its weakest entry. */
    static int weakness(ProtectionLevel level) {
        return switch (level) {
            case STRONG -> 0;
            case WEAK -> 1;
            case NONE -> 2;
            case UNKNOWN -> 3;
        };
    }

    /**
     * The container verdict: the weakest entry's level; the shared scheme if all entries agree, otherwise
     * {@code "<format> mixed (<schemes>)"} with a note counting the entries that are not encrypted.
     */
    static Protection combine(String format, List<Protection.EntryProtection> entries, List<String> notes) {
        List<String> allNotes = new ArrayList<>(notes);
        if (entries.isEmpty()) {
            allNotes.add("no file entries");
            return new Protection(ProtectionLevel.NONE, "none", entries, allNotes);
        }
        ProtectionLevel weakest = ProtectionLevel.STRONG;
        Set<String> schemes = new LinkedHashSet<>();
        long unencrypted = 0;
        for (Protection.EntryProtection entry : entries) {
            if (weakness(entry.level()) > weakness(weakest)) {
                weakest = entry.level();
            }
            schemes.add(entry.scheme());
            if (entry.level() == ProtectionLevel.NONE) {
                unencrypted++;
            }
        }
        String scheme = schemes.size() == 1 ? schemes.iterator().next()
                : format + " mixed (" + String.join(", ", schemes) + ")";
        if (unencrypted > 0 && unencrypted < entries.size()) {
            allNotes.add(unencrypted + " of " + entries.size() + " entries are not encrypted");
        }
        return new Protection(weakest, scheme, entries, allNotes);
    }
}
