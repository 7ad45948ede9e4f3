package org.outward.portal;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.outward.audit.AuditTrail;
import org.outward.feedback.ReportStore;
import org.outward.feedback.ReportTicket;
import org.outward.feedback.ReportToken;
import org.outward.vault.PortalPaths;

/**
 * A sender's report of a notice as wrong: {@code GET /r/{token}} shows what the notice was about (its rules and
 * file names, never evidence) and a form; only {@code POST /r/{token}} records the report, since mail scanners
 * fetch the links in mail. Every link that opens no ticket (made up, altered, another's, expired) gets the same
 * 404 and records nothing; a second report of the same notice changes nothing. Each report recorded is an audit
 * event ({@code report}).
 */
final class ReportPages {

    /** The longest comment a sender may leave: the portal's form bodies are small, and so must the store's be. */
    static final int MAX_COMMENT = 500;

    private final PortalParts parts;
    private final ReportStore store;
    private final AuditTrail audit;

    ReportPages(PortalParts parts, ReportStore store, AuditTrail audit) {
        this.parts = parts;
        this.store = store;
        this.audit = audit;
    }

    void handle(Reply reply, String encoded) throws IOException {
        Request request = reply.request();
        Instant now = parts.clock().instant();
        Optional<ReportToken> token = ReportToken.parse(encoded);
        Optional<ReportTicket> ticket = token.isEmpty() ? Optional.empty() : store.open(token.get(), now);
        if (ticket.isEmpty()) {
            unavailable(reply);
            return;
        }
        // Counted once the token is verified, as the sender's page is: made-up tokens are bounded per client.
        if (!parts.perLink().allow("r" + ticket.get().id())) {
            PortalHandler.tooMany(reply);
            return;
        }
        String path = PortalPaths.REPORT_PREFIX + encoded;
        if ("GET".equals(request.method())) {
            reply.page(200, "report", model(ticket.get(), encoded, reply.language()), path);
            return;
        }
        if (!parts.csrf().valid(reply.csrfCookie(), request.form().get("csrf"))) {
            reply.message(403, "csrf_title", "csrf_text");
            return;
        }
        String comment = request.form().getOrDefault("comment", "").strip();
        if (comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
            reply.message(400, "report_long_title", "report_long_text");
            return;
        }
        ReportStore.Outcome outcome = store.report(token.get(), new ReportTicket.Report(now, comment));
        if (outcome == ReportStore.Outcome.UNAVAILABLE) {
            unavailable(reply);
            return;
        }
        if (outcome == ReportStore.Outcome.RECORDED) {
            audit.report(ticket.get().sender(), ticket.get().id(), ticket.get().messageId(), ticket.get().rules(),
                    !comment.isEmpty());
        }
        reply.message(200, "report_thanks_title", "report_thanks_text");
    }

    private Map<String, Object> model(ReportTicket ticket, String encoded, String language) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", encoded);
        model.put("sent", Formats.time(ticket.created(), language));
        model.put("rules", ticket.rules());
        model.put("files", ticket.files());
        model.put("noFiles", ticket.files().isEmpty());
        model.put("maxComment", MAX_COMMENT);
        model.put("reported", ticket.report().isPresent());
        ticket.report().ifPresent(r -> model.put("reportedAt", Formats.time(r.at(), language)));
        return model;
    }

    private static void unavailable(Reply reply) throws IOException {
        reply.message(404, "unavailable_title", "report_unavailable_text");
    }
}
