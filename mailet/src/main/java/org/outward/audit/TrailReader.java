package org.outward.audit;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the audit trail between two instants from its files, one line at a time: the current
 * {@code outward-audit.jsonl} and the days rolled over beside it ({@code outward-audit.YYYY-MM-DD.jsonl.gz}),
 * skipping the rolled days outside the window unopened. Each event in the window is handed on as it is read and
 * none is kept, so a year of trail costs the memory of one line; a line outside the window is passed over by its
 * time alone, without reading it as JSON. A line that is not an audit event (cut short by a crash, written by
 * something else, of a kind this version does not know) is counted, not fatal; so is the rest of a rolled-over day
 * whose compressed file is cut short, as one line.
 *
 * <p>The reports of {@code deploy/gateway audit} and the console's statistics both read through here, so they agree
 * on what the trail holds.
 */
public final class TrailReader {

    /** The current file's name, in the folder where the gateway writes its trail. */
    public static final String CURRENT = "outward-audit.jsonl";

    private static final Pattern ROLLED = Pattern.compile("outward-audit\\.(\\d{4}-\\d{2}-\\d{2})\\.jsonl(\\.gz)?");

    private TrailReader() {
    }

    /**
     * Hands each event with {@code from <= time < to} to {@code each}, file by file (oldest day first, the current
     * file last, or first when {@code where} names it), in the order of its lines.
     *
     * @param where the current audit file, or the folder that holds it and its rolled-over days; a file or folder not
     *              there yet is a trail without events
     * @return how many lines read were not audit events
     */
    public static int read(Path where, Instant from, Instant to, Consumer<AuditEvent> each) throws IOException {
        int unreadable = 0;
        for (Path file : files(where, from, to)) {
            try (BufferedReader reader = reader(file)) {
                unreadable += read(reader, from, to, each);
            } catch (EOFException | ZipException e) {
                // A rolled-over day cut short (a crash while it was compressed) or not compressed at all: what
                // was read of it counts, the rest is one unreadable line, and the other days are still read.
                unreadable++;
            }
        }
        return unreadable;
    }

    private static int read(BufferedReader reader, Instant from, Instant to, Consumer<AuditEvent> each)
            throws IOException {
        int unreadable = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            Optional<Instant> time = AuditLine.timeOf(line);
            if (time.isPresent() && (time.get().isBefore(from) || !time.get().isBefore(to))) {
                continue;
            }
            AuditEvent event;
            try {
                event = AuditLine.parse(line);
            } catch (IllegalArgumentException e) {
                unreadable++;
                continue;
            }
            if (!event.time().isBefore(from) && event.time().isBefore(to)) {
                each.accept(event);
            }
        }
        return unreadable;
    }

    private static List<Path> files(Path where, Instant from, Instant to) throws IOException {
        boolean folder = Files.isDirectory(where);
        Path parent = folder ? where : where.toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        if (!folder && Files.exists(where)) {
            files.add(where);
        }
        if (!Files.isDirectory(parent)) {
            return files;
        }
        try (Stream<Path> listing = Files.list(parent)) {
            for (Path file : listing.sorted().toList()) {
                String name = file.getFileName().toString();
                Matcher rolled = ROLLED.matcher(name);
                if (rolled.matches() && dayOverlaps(rolled.group(1), from, to)) {
                    files.add(file);
                } else if (folder && name.equals(CURRENT)) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    private static boolean dayOverlaps(String day, Instant from, Instant to) {
        try {
            Instant start = LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
            // A day's file also holds the first moments of the next day, written before the rollover.
            return start.isBefore(to) && start.plusSeconds(2 * 86_400L).isAfter(from);
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    private static BufferedReader reader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            try {
                in = new GZIPInputStream(in);
            } catch (IOException e) {
                in.close();
                throw e;
            }
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
