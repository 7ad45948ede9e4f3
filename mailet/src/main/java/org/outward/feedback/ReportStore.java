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
    Optional<ReportTicket> open(ReportToken token, Instant now) throws IOException;

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
