package org.outward.report;

import java.io.BufferedReader;
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
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.outward.audit.AuditEvent;
import org.outward.audit.AuditLine;

/**
 * Reads the audit trail between two instants from its files: the current {@code outward-audit.jsonl} and the days
 * rolled over beside it ({@code outward-audit.YYYY-MM-DD.jsonl.gz}, skipped when their day is outside the window).
 * A line that is not an audit event (cut short by a crash, written by something else) is counted, not fatal.
 */
public final class TrailFiles {

    private static final Pattern ROLLED = Pattern.compile("outward-audit\\.(\\d{4}-\\d{2}-\\d{2})\\.jsonl(\\.gz)?");

    private TrailFiles() {
    }

    /** The events read, oldest first, and how many lines were not events. */
    public record Trail(List<AuditEvent> events, int unreadable) {
        public Trail {
            events = List.copyOf(events);
        }
    }

    /**
     * @param where the current audit file, or the folder that holds it and its rolled-over days
     */
    public static Trail read(Path where, Instant from, Instant to) throws IOException {
        Path folder = Files.isDirectory(where) ? where : where.toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(where)) {
            files.add(where);
        }
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path file : listing.sorted().toList()) {
                String name = file.getFileName().toString();
                Matcher rolled = ROLLED.matcher(name);
                if (rolled.matches() && dayOverlaps(rolled.group(1), from, to)) {
                    files.add(file);
                } else if (Files.isDirectory(where) && name.equals("outward-audit.jsonl")) {
                    files.add(file);
                }
            }
        }
        List<AuditEvent> events = new ArrayList<>();
        int unreadable = 0;
        for (Path file : files) {
            try (BufferedReader reader = reader(file)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        AuditEvent event = AuditLine.parse(line);
                        if (!event.time().isBefore(from) && event.time().isBefore(to)) {
                            events.add(event);
                        }
                    } catch (IllegalArgumentException e) {
                        unreadable++;
                    }
                }
            }
        }
        events.sort(Comparator.comparing(AuditEvent::time));
        return new Trail(events, unreadable);
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
            in = new GZIPInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
