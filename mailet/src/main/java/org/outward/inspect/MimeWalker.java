package org.outward.inspect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Walks one message with mime4j's streaming tokenizer: multiparts of any depth are followed, each leaf body is
 * decoded from its transfer encoding and handed to {@link InspectionRun}. Attached messages ({@code message/rfc822})
 * are not recursed into here but spooled and walked again by the run, so that they count as a level and are
 * inspected like any other part.
 *
 * <p>Paths follow IMAP's numbering: the body of a single-part message is {@code 1}, the parts of a multipart are
 * {@code 1}, {@code 2}, ..., and the parts of a nested multipart at 2 are {@code 2/1}, {@code 2/2}.
 */
final class MimeWalker {

    /** Nesting mime4j may parse past our depth limit before we stop reading the message altogether. */
    private static final int SKIP_MARGIN = 50;

    private static final MimeConfig CONFIG = new MimeConfig.Builder()
            .setStrictParsing(false)
            // Base64 from some clients is one long line; line length is not a safety bound for a stream.
            .setMaxLineLen(-1)
            .setMaxHeaderCount(10_000)
            .setMaxHeaderLen(1_000_000)
            .setMalformedHeaderStartsBody(true)
            .build();

    /** How much of a preamble or epilogue is looked at to tell the usual notice from content. */
    private static final int NOTICE_PEEK = 512;
    /** What mail programs put before the first part for readers that do not understand MIME. */
    private static final java.util.regex.Pattern MIME_NOTICE = java.util.regex.Pattern.compile(
            "(?is)(this is a multi-?part message in mime format\\.?|this is a mime-?(encapsulated|formatted) message\\.?"
                    + "|this is a message in mime format\\.?.{0,200}|)\\s*");

    private final InspectionRun run;

    MimeWalker(InspectionRun run) {
        this.run = run;
    }

    /**
     * @param base     the path of the message itself ({@code ""} at the top)
     * @param depth    containers above this message
     * @param topLevel whether this is the message the sender sent (for message-level protection)
     */
    void walk(InputStream in, String base, int depth, boolean topLevel) throws IOException {
        MimeTokenStream stream = new MimeTokenStream(CONFIG, DecodeMonitor.SILENT, null);
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parse(in);

        Deque<int[]> counters = new ArrayDeque<>();
        HeaderParams contentType = HeaderParams.EMPTY;
        HeaderParams disposition = HeaderParams.EMPTY;
        String topType = null;
        int skipping = 0;
        String skippedAt = null;
        InspectedPart secondOfEncrypted = null;
        InspectedPart onlyBody = null;
        try {
            walk:
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_HEADER -> {
                        contentType = HeaderParams.EMPTY;
                        disposition = HeaderParams.EMPTY;
                    }
                    case T_FIELD -> {
                        Field field = stream.getField();
                        String name = field.getName().toLowerCase(Locale.ROOT);
                        if (name.equals("content-type")) {
                            contentType = HeaderParams.parse(field.getName(), field.getBody());
                        } else if (name.equals("content-disposition")) {
                            disposition = HeaderParams.parse(field.getName(), field.getBody());
                        }
                    }
                    case T_END_HEADER -> {
                        if (topType == null) {
                            topType = contentType.value();
                        }
                    }
                    case T_START_MULTIPART -> {
                        if (skipping > 0 || depth + counters.size() + 1 > run.limits().maxDepth()) {
                            if (skipping == 0) {
                                skippedAt = path(base, counters);
                                run.finding(FindingKind.DEPTH_LIMIT, skippedAt,
                                        "multipart nested deeper than " + run.limits().maxDepth() + "; not opened");
                            }
                            skipping++;
                            if (skipping > SKIP_MARGIN) {
                                // mime4j keeps a frame per open multipart; stop reading rather than let a
                                // hostile message grow that stack without end.
                                run.finding(FindingKind.DEPTH_LIMIT, skippedAt, "walk of this message stopped");
                                break walk;
                            }
                        } else {
                            counters.push(new int[] {0});
                        }
                    }
                    case T_END_MULTIPART -> {
                        if (skipping > 0) {
                            skipping--;
                        } else if (!counters.isEmpty()) {
                            counters.pop();
                        }
                    }
                    case T_START_BODYPART -> {
                        if (skipping == 0 && !counters.isEmpty()) {
                            counters.peek()[0]++;
                        }
                    }
                    case T_PREAMBLE, T_EPILOGUE -> {
                        if (skipping == 0) {
                            outsideTheParts(stream.getInputStream(), base, counters, depth,
                                    state == EntityState.T_PREAMBLE ? "preamble" : "epilogue");
                        }
                    }
                    case T_BODY -> {
                        if (skipping > 0) {
                            break;
                        }
                        String positions = counters.isEmpty() ? PartPaths.child(base, 1) : path(base, counters);
                        InspectedPart part = run.spoolAndInspect(stream.getDecodedInputStream(),
                                new InspectionRun.Source(positions, fileName(contentType, disposition),
                                        bodyType(contentType), dispositionOf(contentType, disposition),
                                        depth + counters.size()));
                        if (counters.isEmpty()) {
                            onlyBody = part;
                        } else if (counters.size() == 1 && counters.peek()[0] == 2) {
                            secondOfEncrypted = part;
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (MimeException | RuntimeException e) {
            run.finding(FindingKind.UNREADABLE, base, "MIME structure: " + e.getClass().getSimpleName());
        }
        if (topLevel && topType != null) {
            if ((topType.equals("application/pkcs7-mime") || topType.equals("application/x-pkcs7-mime"))
                    && onlyBody != null) {
                run.messageProtection(onlyBody.protection());
            } else if (topType.equals("multipart/encrypted") && secondOfEncrypted != null) {
                run.messageProtection(secondOfEncrypted.protection());
            }
        }
    }

    /**
     * Text before the first boundary or after the last one travels with the message like any part, and is the whole
     * body when the boundary never appears: it is inspected as a text part named {@code preamble} or
     * {@code epilogue} under its multipart, unless it is blank or only the usual notice for old mail programs.
     */
    private void outsideTheParts(InputStream raw, String base, Deque<int[]> counters, int depth, String which)
            throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, NOTICE_PEEK);
        in.mark(NOTICE_PEEK);
        byte[] head = in.readNBytes(NOTICE_PEEK);
        boolean whole = in.read() < 0;
        in.reset();
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        if (whole && (text.isEmpty() || MIME_NOTICE.matcher(text).matches())) {
            return;
        }
        int[] own = counters.pop();
        String multipart = path(base, counters);
        counters.push(own);
        String positions = multipart.isEmpty() ? which : multipart + "/" + which;
        run.spoolAndInspect(in, new InspectionRun.Source(positions, "", "text/plain",
                InspectedPart.Disposition.INLINE, depth + counters.size()));
    }

    private static String path(String base, Deque<int[]> counters) {
        String path = base;
        var it = counters.descendingIterator();
        while (it.hasNext()) {
            path = PartPaths.child(path, it.next()[0]);
        }
        return path;
    }

    private static String fileName(HeaderParams contentType, HeaderParams disposition) {
        String name = disposition.param("filename");
        if (name.isEmpty()) {
            name = contentType.param("name");
        }
        // Some clients send a path; only the last segment is the name.
        name = name.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1).strip();
    }

    /**
     * The declared type of a leaf body. A multipart type here means the boundary was missing and the body is read
     * as one part: it declares nothing about that content.
     */
    private static String bodyType(HeaderParams contentType) {
        return contentType.value().startsWith("multipart/") ? "" : declaredType(contentType);
    }

    private static String declaredType(HeaderParams contentType) {
        String value = contentType.value();
        return value.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+") ? value : "";
    }

    private static InspectedPart.Disposition dispositionOf(HeaderParams contentType, HeaderParams disposition) {
        if (disposition.value().equals("attachment")) {
            return InspectedPart.Disposition.ATTACHMENT;
        }
        if (disposition.value().isEmpty() && !contentType.param("name").isEmpty()) {
            return InspectedPart.Disposition.ATTACHMENT;
        }
        return InspectedPart.Disposition.INLINE;
    }
}
