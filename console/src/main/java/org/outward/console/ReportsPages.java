package org.outward.console;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.outward.feedback.ReportStore;
import org.outward.feedback.ReportTicket;
import org.outward.portal.Pages;
import org.outward.portal.Reply;
import org.outward.portal.Request;

/**
 * The false-positive reports senders made from their notices: the list, one report with the message's redacted
 * evidence, and for an admin the two ways to settle it. Accepting writes the smallest policy exception the
 * {@link PolicyDesk} proposes, shown first as a diff of the policy file, and only after the same checks as
 * {@code policy check} and {@code policy test} pass; a failing check writes nothing and says why. Dismissing keeps
 * the policy. Each is an audit event naming the report. Anyone signed in may look; only an admin may act.
 */
final class ReportsPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneId.of("UTC"));

    private final ReportStore store;
    private final Optional<PolicyDesk> desk;
    private final WebAdmin webAdmin;
    private final List<String> repositories;
    private final AdminAudit audit;
    private final Clock clock;
    private final Pages pages;

    ReportsPages(ReportStore store, Optional<PolicyDesk> desk, WebAdmin webAdmin, List<String> repositories,
                 AdminAudit audit, Clock clock, Pages pages) {
        this.store = store;
        this.desk = desk;
        this.webAdmin = webAdmin;
        this.repositories = repositories;
        this.audit = audit;
        this.clock = clock;
        this.pages = pages;
    }

    void list(Reply reply, Account account) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportTicket ticket : store.reported()) {
            rows.add(row(ticket, reply.language()));
        }
        Map<String, Object> model = HeldPages.base(account);
        model.put("rows", rows);
        model.put("count", rows.size());
        model.put("empty", rows.isEmpty());
        reply.page(200, "reports", model, "/reports");
    }

    void view(Reply reply, Request request, Account account) throws IOException {
        Optional<ReportTicket> ticket = reported(request.query().getOrDefault("id", ""));
        if (ticket.isEmpty()) {
            reply.message(404, "report_gone_title", "report_gone_text");
            return;
        }
        Map<String, Object> model = details(ticket.get(), account, reply.language());
        if (ticket.get().resolution().isEmpty() && desk.isPresent()) {
            try {
                String current = PolicyFile.read(desk.get().file());
                PolicyDesk.Proposal proposal = desk.get().propose(ticket.get(), current);
                model.put("proposal", true);
                model.put("exceptionRules", String.join(", ", proposal.rules()));
                model.put("diff", PolicyFile.diff(current, proposal.after(), desk.get().file()));
                model.put("before", PolicyFile.sha256(current));
            } catch (PolicyDesk.Refused e) {
                model.put("refused", e.getMessage());
            }
        }
        reply.page(200, "report", model, "/reports/view?id=" + ticket.get().id());
    }

    void accept(Reply reply, Request request, Account account) throws IOException {
        Map<String, String> form = request.form();
        String reason = form.getOrDefault("reason", "").trim();
        Optional<ReportTicket> ticket = reported(form.getOrDefault("id", ""));
        if (ticket.isEmpty() || ticket.get().resolution().isPresent()) {
            reply.message(404, "report_gone_title", "report_gone_text");
            return;
        }
        if (desk.isEmpty()) {
            reply.message(404, "no_policy_title", "no_policy_text");
            return;
        }
        if (reason.isEmpty()) {
            reply.message(400, "incomplete_title", "report_reason_text");
            return;
        }
        Path file = desk.get().file();
        String current = PolicyFile.read(file);
        if (!PolicyFile.sha256(current).equals(form.getOrDefault("before", ""))) {
            // Someone changed the policy since this admin saw the diff: what they approved is not what would be written.
            reply.message(409, "policy_moved_title", "policy_moved_text");
            return;
        }
        Map<String, Object> model = details(ticket.get(), account, reply.language());
        PolicyDesk.Proposal proposal;
        try {
            proposal = desk.get().propose(ticket.get(), current);
        } catch (PolicyDesk.Refused e) {
            model.put("refused", e.getMessage());
            reply.page(422, "report", model, "/reports");
            return;
        }
        PolicyDesk.Trial trial = desk.get().trial(proposal.after(), ticket.get(), held(ticket.get()));
        model.put("checks", trial.lines());
        model.put("hasChecks", !trial.lines().isEmpty());
        model.put("diff", PolicyFile.diff(current, proposal.after(), file));
        model.put("hasDiff", true);
        if (!trial.passed()) {
            model.put("failed", true);
            reply.page(422, "reportdone", model, "/reports");
            return;
        }
        PolicyFile.write(file, proposal.after());
        audit.policyEdited(account.name(), file, PolicyFile.sha256(proposal.after()), proposal.count(), ticket.get().id());
        store.resolve(ticket.get().id(), new ReportTicket.Resolution(ReportTicket.Resolution.ACCEPTED, account.name(),
                clock.instant(), reason));
        model.put("accepted", true);
        reply.page(200, "reportdone", model, "/reports");
    }

    void dismiss(Reply reply, Request request, Account account) throws IOException {
        Map<String, String> form = request.form();
        String reason = form.getOrDefault("reason", "").trim();
        Optional<ReportTicket> ticket = reported(form.getOrDefault("id", ""));
        if (ticket.isEmpty()) {
            reply.message(404, "report_gone_title", "report_gone_text");
            return;
        }
        if (reason.isEmpty()) {
            reply.message(400, "incomplete_title", "report_reason_text");
            return;
        }
        if (!store.resolve(ticket.get().id(), new ReportTicket.Resolution(ReportTicket.Resolution.DISMISSED,
                account.name(), clock.instant(), reason))) {
            reply.message(404, "report_gone_title", "report_gone_text");
            return;
        }
        audit.reportDismissed(account.name(), ticket.get().id(), ticket.get().messageId(), reason);
        Map<String, Object> model = details(ticket.get(), account, reply.language());
        model.put("dismissed", true);
        reply.page(200, "reportdone", model, "/reports");
    }

    private Optional<ReportTicket> reported(String id) throws IOException {
        return store.find(id).filter(t -> t.report().isPresent());
    }

    /** The reported message as it is held, if it still is: judged again under the candidate policy. */
    private Optional<byte[]> held(ReportTicket ticket) throws IOException {
        Optional<String[]> where = heldAt(ticket);
        return where.isEmpty() ? Optional.empty() : webAdmin.raw(where.get()[0], where.get()[1]);
    }

    private Optional<String[]> heldAt(ReportTicket ticket) throws IOException {
        if (ticket.messageId().isEmpty()) {
            return Optional.empty();
        }
        for (String repository : repositories) {
            for (String key : webAdmin.keys(repository)) {
                Optional<HeldMail> mail = webAdmin.mail(repository, key);
                if (mail.isPresent() && ticket.messageId().equals(mail.get().messageId())) {
                    return Optional.of(new String[] {repository, key});
                }
            }
        }
        return Optional.empty();
    }

    private Map<String, Object> row(ReportTicket ticket, String language) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", ticket.id());
        row.put("shortId", ticket.id().substring(0, 12));
        row.put("state", pages.word(language, "report_state_" + ticket.state()));
        row.put("open", ticket.resolution().isEmpty());
        row.put("reportedAt", ticket.report().map(r -> TIME.format(r.at())).orElse(""));
        row.put("noticeAt", TIME.format(ticket.created()));
        row.put("sender", ticket.sender());
        row.put("recipients", String.join(", ", ticket.recipients().stream()
                .map(r -> r.address() + " (" + pages.word(language, "report_action_" + r.action()) + ")").toList()));
        row.put("rules", String.join(", ", ticket.rules()));
        row.put("files", String.join(", ", ticket.files()));
        row.put("comment", ticket.report().map(ReportTicket.Report::comment).orElse(""));
        row.put("messageId", ticket.messageId());
        row.put("viewUrl", "/reports/view?id=" + ticket.id());
        return row;
    }

    private Map<String, Object> details(ReportTicket ticket, Account account, String language) throws IOException {
        Map<String, Object> model = HeldPages.base(account);
        model.putAll(row(ticket, language));
        List<Map<String, Object>> findings = new ArrayList<>();
        for (ReportTicket.Finding f : ticket.findings()) {
            findings.add(Map.of("kind", f.kind(), "part", f.part(), "protection", f.protection(),
                    "records", f.records(), "evidence", f.evidence()));
        }
        model.put("findings", findings);
        model.put("noFindings", findings.isEmpty());
        ticket.resolution().ifPresent(r -> {
            model.put("resolved", true);
            model.put("resolvedBy", r.by());
            model.put("resolvedAt", TIME.format(r.at()));
            model.put("resolvedReason", r.reason());
        });
        Optional<String[]> where = ticket.resolution().isEmpty() ? heldAt(ticket) : Optional.empty();
        where.ifPresent(w -> model.put("heldUrl", "/held/view?repo=" + encode(w[0]) + "&key=" + encode(w[1])));
        model.put("policyDesk", desk.isPresent());
        return model;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
