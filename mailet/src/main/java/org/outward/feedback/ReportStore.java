package org.outward.feedback;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where report tickets live, shared by the gateway (which files a ticket with each notice), the portal (which
 * records the sender's report) and the console (which lists reports and records the admin's decision).
 * Implementations make each change atomic, so two portal nodes given the same report record it once.
 */
public interface ReportStore {

    /** What became of a report. */
    enum Outcome {
        /** Recorded now. */
        RECORDED,
        /** This ticket was reported before; nothing changed. */
        ALREADY_REPORTED,
        /** No ticket opens with this token (made up, altered, another's, or expired); nothing changed. */
        UNAVAILABLE
    }

    /** Files a new ticket. */
    void file(ReportTicket ticket) throws IOException;

    /** The ticket this token opens at {@code now}; empty for a made-up, altered or expired token. */
    default Optional<ReportTicket> open(ReportToken token, Instant now) throws IOException {
        return find(token.ticketId()).filter(t -> t.opensWith(token, now));
    }

    /**
     * What recording a report comes to: its outcome, and the ticket to write when it is {@link Outcome#RECORDED}.
     * The same rule for every store, applied to the ticket it found (and locked) under the token's id.
     */
    record Recording(Outcome outcome, Optional<ReportTicket> written) {

        public static Recording of(Optional<ReportTicket> found, ReportToken token, ReportTicket.Report report) {
            Optional<ReportTicket> opened = found.filter(t -> t.opensWith(token, report.at()));
            if (opened.isEmpty()) {
                return new Recording(Outcome.UNAVAILABLE, Optional.empty());
            }
            if (opened.get().report().isPresent()) {
                return new Recording(Outcome.ALREADY_REPORTED, Optional.empty());
            }
            return new Recording(Outcome.RECORDED, Optional.of(opened.get().withReport(report)));
        }
    }

    /** Records the sender's report on the ticket this token opens, once. */
    Outcome report(ReportToken token, ReportTicket.Report report) throws IOException;

    /** The ticket of this id, whatever its state. */
    Optional<ReportTicket> find(String id) throws IOException;

    /** Every reported ticket, resolved or not, the latest report first. */
    List<ReportTicket> reported() throws IOException;

    /** Records an admin's decision on a reported, unresolved ticket; false (and nothing changed) otherwise. */
    boolean resolve(String id, ReportTicket.Resolution resolution) throws IOException;

    /** Deletes the tickets nobody reported whose links expired before {@code now}; answers how many. */
    int forgetExpired(Instant now) throws IOException;
}
