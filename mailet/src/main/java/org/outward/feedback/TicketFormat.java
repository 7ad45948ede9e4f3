package org.outward.feedback;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A ticket as UTF-8 properties text, as the vault keeps its items' metadata: readable with any tool. The folder store
 * keeps it as a file, the shared backends in a column.
 */
public final class TicketFormat {

    private static final String VERSION = "1";

    private TicketFormat() {
    }

    public static byte[] write(ReportTicket ticket) {
        Properties p = new Properties();
        p.setProperty("format", VERSION);
        p.setProperty("id", ticket.id());
        p.setProperty("secretHash", ticket.secretHash());
        p.setProperty("created", ticket.created().toString());
        p.setProperty("expires", ticket.expires().toString());
        p.setProperty("sender", ticket.sender());
        p.setProperty("messageId", ticket.messageId());
        p.setProperty("recipients", Integer.toString(ticket.recipients().size()));
        for (int i = 0; i < ticket.recipients().size(); i++) {
            p.setProperty("recipient." + i + ".address", ticket.recipients().get(i).address());
            p.setProperty("recipient." + i + ".action", ticket.recipients().get(i).action());
        }
        p.setProperty("rules", String.join(",", ticket.rules()));
        p.setProperty("findings", Integer.toString(ticket.findings().size()));
        for (int i = 0; i < ticket.findings().size(); i++) {
            ReportTicket.Finding f = ticket.findings().get(i);
            String at = "finding." + i + ".";
            p.setProperty(at + "kind", f.kind());
            p.setProperty(at + "part", f.part());
            p.setProperty(at + "file", f.file());
            p.setProperty(at + "protection", f.protection());
            p.setProperty(at + "records", Integer.toString(f.records()));
            p.setProperty(at + "evidence", f.evidence());
        }
        ticket.report().ifPresent(r -> {
            p.setProperty("report.at", r.at().toString());
            p.setProperty("report.comment", r.comment());
        });
        ticket.resolution().ifPresent(r -> {
            p.setProperty("resolution.outcome", r.outcome());
            p.setProperty("resolution.by", r.by());
            p.setProperty("resolution.at", r.at().toString());
            p.setProperty("resolution.reason", r.reason());
        });
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static ReportTicket read(byte[] bytes) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        if (!VERSION.equals(p.getProperty("format"))) {
            throw new IOException("a report ticket of an unknown format");
        }
        try {
            List<ReportTicket.Recipient> recipients = new ArrayList<>();
            for (int i = 0; i < Integer.parseInt(p.getProperty("recipients", "0")); i++) {
                recipients.add(new ReportTicket.Recipient(p.getProperty("recipient." + i + ".address", ""),
                        p.getProperty("recipient." + i + ".action", "")));
            }
            List<ReportTicket.Finding> findings = new ArrayList<>();
            for (int i = 0; i < Integer.parseInt(p.getProperty("findings", "0")); i++) {
                String at = "finding." + i + ".";
                findings.add(new ReportTicket.Finding(p.getProperty(at + "kind", ""), p.getProperty(at + "part", ""),
                        p.getProperty(at + "file", ""), p.getProperty(at + "protection", ""),
                        Integer.parseInt(p.getProperty(at + "records", "0")), p.getProperty(at + "evidence", "")));
            }
            String rules = p.getProperty("rules", "");
            Optional<ReportTicket.Report> report = p.getProperty("report.at") == null ? Optional.empty()
                    : Optional.of(new ReportTicket.Report(Instant.parse(p.getProperty("report.at")),
                    p.getProperty("report.comment", "")));
            Optional<ReportTicket.Resolution> resolution = p.getProperty("resolution.outcome") == null
                    ? Optional.empty()
                    : Optional.of(new ReportTicket.Resolution(p.getProperty("resolution.outcome"),
                    p.getProperty("resolution.by", ""), Instant.parse(p.getProperty("resolution.at")),
                    p.getProperty("resolution.reason", "")));
            return new ReportTicket(p.getProperty("id", ""), p.getProperty("secretHash", ""),
                    Instant.parse(p.getProperty("created")), Instant.parse(p.getProperty("expires")),
                    p.getProperty("sender", ""), p.getProperty("messageId", ""), recipients,
                    rules.isEmpty() ? List.of() : List.of(rules.split(",")), findings, report, resolution);
        } catch (RuntimeException e) {
            // The type only: a value in the message could be an address.
            throw new IOException("a report ticket that cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
