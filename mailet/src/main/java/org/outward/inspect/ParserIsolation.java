package org.outward.inspect;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where untrusted files are parsed: in parser processes of their own (the default), or in the gateway's JVM.
 *
 * <p>Text parts (plain, CSV, TSV, HTML) are always read in the gateway's JVM: their readers are simple and
 * stream, and sending each message body to another process would cost more than reading it. Everything else
 * that is parsed for text (PDF, Office, RTF, Outlook, TNEF, OpenDocument, XML, images read by OCR, ...) goes to
 * a parser process, where a parser that hangs is killed and one that exhausts its heap dies alone. Type
 * detection, protection checks, archive listing and an image's declared size stay in the gateway: they read
 * headers and directories, not whole documents or pixels, and run under the per-part time limit there. With no
 * parser processes, images are decoded and read by OCR in the gateway's JVM too.
 *
 * <p>Parts of {@code largePartBytes} or more go to one more process of their own, which keeps the optimising
 * compiler: the others run the quick compiler only, which costs everyday attachments less, but parses a
 * 20,000-row workbook at half the speed (docs/performance.md). While a large part is being parsed, parsing
 * may take one process's heap more than {@code processes} times {@code heapMegabytes}.
 *
 * @param processes      how many parser processes may run at once for ordinary parts; 0 parses everything in
 *                       the gateway's JVM
 * @param heapMegabytes  the heap each parser process gets ({@code -Xmx})
 * <p>With {@code warmUp}, each parser process parses a small built-in mix of documents after its first part,
 * taking turns with the parts that follow, so that later parts find Tika, PDFBox and POI loaded and compiled.
 *
 * @param largePartBytes from what size a part is parsed in the process for large parts
 * <p>With a {@code classArchiveFolder}, parser processes share a class-data archive kept there ({@code ClassArchive}):
 * made once, by one extra process, the first time parsing is needed, it spares each later process most of the
 * work of loading Tika, PDFBox and POI. The folder must be writable; without it, or when the archive cannot be
 * made or used, processes start without it.
 *
 * @param warmUp             whether each parser process warms up on the built-in sample mix when it starts
 * @param classArchiveFolder where the parser processes' class-data archive is kept; null for none
 */
public record ParserIsolation(int processes, int heapMegabytes, long largePartBytes, boolean warmUp,
                              Path classArchiveFolder) {

    /** Parts of 256 KiB or more are large: spreadsheets and reports, not letters and leaflets. */
    public static final long LARGE_PART_BYTES = 256 * 1024;

    public ParserIsolation {
        if (processes < 0) {
            throw new IllegalArgumentException("processes must be 0 or more");
        }
        if (heapMegabytes < 64) {
            throw new IllegalArgumentException("heapMegabytes must be at least 64");
        }
        if (largePartBytes < 1) {
            throw new IllegalArgumentException("largePartBytes must be at least 1");
        }
    }

    /** Parser processes without a class-data archive. */
    public ParserIsolation(int processes, int heapMegabytes, long largePartBytes, boolean warmUp) {
        this(processes, heapMegabytes, largePartBytes, warmUp, null);
    }

    /** Parser processes that warm up when they start. */
    public ParserIsolation(int processes, int heapMegabytes, long largePartBytes) {
        this(processes, heapMegabytes, largePartBytes, true);
    }

    public ParserIsolation(int processes, int heapMegabytes) {
        this(processes, heapMegabytes, LARGE_PART_BYTES);
    }

    /** Two parser processes of 384 MB each, which warm up when they start. */
    public static ParserIsolation defaults() {
        return new ParserIsolation(2, 384);
    }

    /** Everything parsed in the gateway's JVM, under the per-part time limit only. */
    public static ParserIsolation inProcess() {
        return new ParserIsolation(0, 64);
    }

    /** Whether a part of this detected type is parsed in a parser process. */
    boolean forks(String detectedType) {
        return processes > 0 && !detectedType.toLowerCase(Locale.ROOT).startsWith("text/");
    }
}
