package org.outward.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.outward.audit.AuditEvent;
import org.outward.audit.TrailReader;

/**
 * The audit trail between two instants, as a list the reports can go over more than once: read through
 * {@link TrailReader} (the current {@code outward-audit.jsonl} and the rolled-over days in the window; a line that is
 * not an audit event counted, not fatal), then put in time order.
 */
public final class TrailFiles {

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
        List<AuditEvent> events = new ArrayList<>();
        int unreadable = TrailReader.read(where, from, to, events::add);
        events.sort(Comparator.comparing(AuditEvent::time));
        return new Trail(events, unreadable);
    }
}
