package org.outward.inspect;

import java.util.Locale;

/**
 * Where untrusted files are parsed: in parser processes of their own (the default), or in the gateway's JVM.
 *
 * <p>Text parts (plain, CSV, TSV, HTML) are always read in the gateway's JVM: their readers are simple and
 * stream, and sending each message body to another process would cost more than reading it. Everything else
 * that is parsed for text (PDF, Office, RTF, Outlook, TNEF, OpenDocument, XML, ...) goes to a parser process,
 * where a parser that hangs is killed and one that exhausts its heap dies alone. Type detection, protection
 * checks and archive listing stay in the gateway: they read headers and directories, not whole documents, and
 * run under the per-part time limit there.
 *
 * @param processes     how many parser processes may run at once; 0 parses everything in the gateway's JVM
 * @param heapMegabytes the heap each parser process gets ({@code -Xmx})
 */
public record ParserIsolation(int processes, int heapMegabytes) {

    public ParserIsolation {
        if (processes < 0) {
            throw new IllegalArgumentException("processes must be 0 or more");
        }
        if (heapMegabytes < 64) {
            throw new IllegalArgumentException("heapMegabytes must be at least 64");
        }
    }

    /** Two parser processes of 384 MB each. */
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
