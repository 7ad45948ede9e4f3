package org.outward.backends.feedback;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.outward.backends.sql.Database;
import org.outward.backends.sql.Times;
import org.outward.feedback.ReportStore;
import org.outward.feedback.ReportTicket;
import org.outward.feedback.ReportToken;
import org.outward.feedback.TicketFormat;

/**
 * Report tickets every node sees, in PostgreSQL: one row a ticket, the ticket itself in the same text the folder
 * store writes, with the columns the queries need beside it. Each change reads its row {@code FOR UPDATE}, so two
 * portal nodes given the same report record it once.
 */
public final class SqlReportStore implements ReportStore {

    private final Database database;

    public SqlReportStore(Database database) {
        this.database = database;
    }

    @Override
    public void file(ReportTicket ticket) throws IOException {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outward_report_tickets"
                    + " (id, expires, reported_at, ticket) VALUES (?, ?, NULL, ?)")) {
                insert.setString(1, ticket.id());
                Times.set(insert, 2, ticket.expires());
                insert.setBytes(3, TicketFormat.write(ticket));
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Outcome report(ReportToken token, ReportTicket.Report report) throws IOException {
        return database.inTransaction(connection -> {
            Recording recording = Recording.of(locked(connection, token.ticketId()), token, report);
            if (recording.written().isPresent()) {
                update(connection, recording.written().get());
            }
            return recording.outcome();
        });
    }

    @Override
    public Optional<ReportTicket> find(String id) throws IOException {
        if (!ReportTicket.isId(id)) {
            return Optional.empty();
        }
        return database.inTransaction(connection -> select(connection, "SELECT ticket FROM outward_report_tickets"
                + " WHERE id = ?", id).stream().findFirst());
    }

    @Override
    public List<ReportTicket> reported() throws IOException {
        return database.inTransaction(connection -> select(connection, "SELECT ticket FROM outward_report_tickets"
                + " WHERE reported_at IS NOT NULL ORDER BY reported_at DESC", null));
    }

    @Override
    public boolean resolve(String id, ReportTicket.Resolution resolution) throws IOException {
        if (!ReportTicket.isId(id)) {
            return false;
        }
        return database.inTransaction(connection -> {
            Optional<ReportTicket> ticket = locked(connection, id);
            if (ticket.isEmpty() || ticket.get().report().isEmpty() || ticket.get().resolution().isPresent()) {
                return false;
            }
            update(connection, ticket.get().withResolution(resolution));
            return true;
        });
    }

    @Override
    public int forgetExpired(Instant now) throws IOException {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outward_report_tickets"
                    + " WHERE reported_at IS NULL AND expires <= ?")) {
                Times.set(delete, 1, now);
                return delete.executeUpdate();
            }
        });
    }

    private static Optional<ReportTicket> locked(Connection connection, String id) throws SQLException, IOException {
        return select(connection, "SELECT ticket FROM outward_report_tickets WHERE id = ? FOR UPDATE", id).stream()
                .findFirst();
    }

    private static List<ReportTicket> select(Connection connection, String sql, String id)
            throws SQLException, IOException {
        List<ReportTicket> tickets = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (id != null) {
                select.setString(1, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tickets.add(TicketFormat.read(rows.getBytes("ticket")));
                }
            }
        }
        return tickets;
    }

    private static void update(Connection connection, ReportTicket ticket) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE outward_report_tickets"
                + " SET reported_at = ?, ticket = ? WHERE id = ?")) {
            Times.set(update, 1, ticket.report().map(ReportTicket.Report::at).orElse(Instant.MIN));
            update.setBytes(2, TicketFormat.write(ticket));
            update.setString(3, ticket.id());
            update.executeUpdate();
        }
    }
}
