package org.outward.inspect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The entry count and expanded bytes one inspection may still spend on archive and embedded entries, and the
 * compression ratio each container may reach. Every entry asks for a {@link Slot} before it is expanded; the
 * slot's byte bound is the tightest of the limits, so a bomb stops at the bound instead of being measured after.
 *
 * <p>Counters are atomic because an abandoned (timed-out) expansion may still be running on a worker thread.
 */
final class ArchiveBudget {

    private final InspectionLimits limits;
    private final TempFolder temp;
    private final Consumer<InspectionFinding> findings;
    private final AtomicInteger entries = new AtomicInteger();
    private final AtomicLong expanded = new AtomicLong();
    private final AtomicInteger files = new AtomicInteger();
    private volatile boolean entryLimitReported;
    private volatile boolean bytesLimitReported;

    ArchiveBudget(InspectionLimits limits, TempFolder temp, Consumer<InspectionFinding> findings) {
        this.limits = limits;
        this.temp = temp;
        this.findings = findings;
    }

    /** Where one entry may be spooled and how many bytes it may take; {@code ratioOwner} set when a ratio bounds it. */
    record Slot(String where, Path file, long maxBytes, FindingKind bound, String boundDetail, Container ratioOwner) {
        Slot(String where, Path file, long maxBytes, FindingKind bound, String boundDetail) {
            this(where, file, maxBytes, bound, boundDetail, null);
        }
    }

    /** A new temp file for a part that is not an archive entry (a MIME part). */
    Path newFile() {
        try {
            return temp.newFile("part-" + files.incrementAndGet() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens the accounting for one container whose stored size is {@code storedBytes}, inside {@code parent} (null at
     * the top). Bytes expanded in a container count against every container around it too, so a 42.zip-style
     * nest of small archives is judged by the ratio of everything it expands to the outermost archive's size, not
     * layer by layer where each layer looks harmless.
     */
    Container container(String where, long storedBytes, Container parent) {
        return new Container(where, storedBytes, parent);
    }

    /** The per-container side: its ratio bound. */
    final class Container {
        private final String where;
        private final Container parent;
        private final long ratioBound;
        private long expandedHere;
        private boolean ratioReported;

        private Container(String where, long storedBytes, Container parent) {
            this.where = where;
            this.parent = parent;
            long byRatio = storedBytes <= 0 ? Long.MAX_VALUE
                    : multiplyCapped(storedBytes, limits.maxCompressionRatio());
            this.ratioBound = Math.max(InspectionLimits.RATIO_GRACE_BYTES, byRatio);
        }

        /**
         * A slot for the next entry, or null when a limit says stop (the finding is then already recorded).
         *
         * @param entryPath    the entry's path, for findings
         * @param declaredSize the size the format declares for the entry, or -1
         */
        Slot next(String entryPath, long declaredSize) {
            if (entries.incrementAndGet() > limits.maxArchiveEntries()) {
                if (!entryLimitReported) {
                    entryLimitReported = true;
                    findings.accept(new InspectionFinding(FindingKind.ENTRY_LIMIT, where,
                            "more than " + limits.maxArchiveEntries() + " entries; the rest not opened"));
                }
                return null;
            }
            if (declaredSize > limits.maxPartBytes()) {
                findings.accept(new InspectionFinding(FindingKind.PART_SIZE_LIMIT, entryPath,
                        "declared " + declaredSize + " bytes, limit " + limits.maxPartBytes() + "; not expanded"));
                return new Slot(entryPath, null, 0, FindingKind.PART_SIZE_LIMIT, "");
            }
            long totalLeft = limits.maxTotalExpandedBytes() - expanded.get();
            if (totalLeft <= 0) {
                reportBytes(entryPath);
                return null;
            }
            Container tightest = this;
            long ratioLeft = Long.MAX_VALUE;
            for (Container c = this; c != null; c = c.parent) {
                long left = c.ratioBound - c.expandedHere;
                if (left < ratioLeft) {
                    ratioLeft = left;
                    tightest = c;
                }
            }
            if (ratioLeft <= 0) {
                tightest.reportRatio(entryPath);
                return null;
            }
            long max = limits.maxPartBytes();
            FindingKind bound = FindingKind.PART_SIZE_LIMIT;
            String detail = "cut at " + max + " bytes (part limit)";
            if (totalLeft < max) {
                max = totalLeft;
                bound = FindingKind.EXPANDED_BYTES_LIMIT;
                detail = "total expanded bytes reached " + limits.maxTotalExpandedBytes();
            }
            if (ratioLeft < max) {
                max = ratioLeft;
                bound = FindingKind.COMPRESSION_RATIO_LIMIT;
                detail = "container expanded past ratio " + limits.maxCompressionRatio();
            }
            Path file;
            try {
                file = temp.newFile("entry-" + files.incrementAndGet() + "-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Slot(entryPath, file, max, bound, detail,
                    bound == FindingKind.COMPRESSION_RATIO_LIMIT ? tightest : null);
        }

        /** Books what a slot used; a cut entry becomes a finding of the bound that cut it. */
        void spent(Slot slot, Spool.Result result) {
            expanded.addAndGet(result.bytes());
            for (Container c = this; c != null; c = c.parent) {
                c.expandedHere += result.bytes();
            }
            if (result.cut()) {
                if (slot.ratioOwner() != null) {
                    slot.ratioOwner().reportRatio(slot.where());
                } else if (slot.bound() == FindingKind.EXPANDED_BYTES_LIMIT) {
                    reportBytes(slot.where());
                } else {
                    findings.accept(new InspectionFinding(slot.bound(), slot.where(), slot.boundDetail()));
                }
            }
        }

        private void reportRatio(String entryPath) {
            if (!ratioReported) {
                ratioReported = true;
                findings.accept(new InspectionFinding(FindingKind.COMPRESSION_RATIO_LIMIT, entryPath,
                        "expanded past " + limits.maxCompressionRatio() + " times the size of " + where + "; stopped"));
            }
        }
    }

    private void reportBytes(String entryPath) {
        if (!bytesLimitReported) {
            bytesLimitReported = true;
            findings.accept(new InspectionFinding(FindingKind.EXPANDED_BYTES_LIMIT, entryPath,
                    "expanded entries reached " + limits.maxTotalExpandedBytes() + " bytes; the rest not opened"));
        }
    }

    private static long multiplyCapped(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
