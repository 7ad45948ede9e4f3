package org.outward.console;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.outward.portal.Reply;
import org.outward.portal.Request;

/**
 * The held-mail pages: the list (with search), one mail's record and structure, and release or delete with a
 * reason, of one mail or of those ticked. Anyone signed in may look; only an admin may act, and every action is
 * an audit event.
 */
final class HeldPages {

    /** A ticked mail in the forms: a field named this prefix, then the repository, a slash and the key. */
    static final String PICK = "pick:";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneId.of("UTC"));

    private final WebAdmin webAdmin;
    private final List<String> repositories;
    private final AdminAudit audit;

    HeldPages(WebAdmin webAdmin, List<String> repositories, AdminAudit audit) {
        this.webAdmin = webAdmin;
        this.repositories = repositories;
        this.audit = audit;
    }

    void list(Reply reply, Request request, Account account) throws IOException {
        String search = request.query().getOrDefault("q", "").trim();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String repository : repositories) {
            for (String key : webAdmin.keys(repository)) {
                Optional<HeldMail> mail = webAdmin.mail(repository, key);
                if (mail.isPresent() && mail.get().matches(search)) {
                    rows.add(row(mail.get()));
                }
            }
        }
        Map<String, Object> model = base(account);
        model.put("rows", rows);
        model.put("count", rows.size());
        model.put("empty", rows.isEmpty());
        model.put("search", search);
        reply.page(200, "held", model, "/held");
    }

    void view(Reply reply, Request request, Account account) throws IOException {
        String repository = request.query().getOrDefault("repo", "");
        String key = request.query().getOrDefault("key", "");
        Optional<HeldMail> mail = repositories.contains(repository) ? webAdmin.mail(repository, key) : Optional.empty();
        Optional<byte[]> raw = mail.isPresent() ? webAdmin.raw(repository, key) : Optional.empty();
        if (mail.isEmpty() || raw.isEmpty()) {
            reply.message(404, "gone_title", "gone_text");
            return;
        }
        Map<String, Object> model = base(account);
        model.putAll(row(mail.get()));
        List<Map<String, Object>> findings = new ArrayList<>();
        for (HeldMail.Finding finding : mail.get().findings()) {
            findings.add(Map.of("kind", finding.kind(), "part", finding.part(), "protection", finding.protection(),
                    "records", finding.records(), "evidence", finding.evidence()));
        }
        model.put("findings", findings);
        model.put("noFindings", findings.isEmpty());
        List<Map<String, Object>> parts = new ArrayList<>();
        for (MessageStructure.Entry entry : MessageStructure.of(raw.get())) {
            parts.add(Map.of("path", entry.path(), "indent", "\u2003".repeat(entry.depth()), "type", entry.type(),
                    "file", entry.file(), "size", entry.bytes() < 0 ? "" : String.valueOf(entry.bytes()),
                    "protection", protection(mail.get(), entry)));
        }
        model.put("parts", parts);
        reply.page(200, "mail", model, "/held/view?repo=" + encode(repository) + "&key=" + encode(key));
    }

    void act(Reply reply, Request request, Account account) throws IOException {
        Map<String, String> form = request.form();
        String action = form.getOrDefault("action", "");
        List<String[]> picked = new ArrayList<>();
        for (Map.Entry<String, String> field : form.entrySet()) {
            int slash = field.getKey().indexOf('/', PICK.length());
            if (field.getKey().startsWith(PICK) && slash > 0) {
                picked.add(new String[] {field.getKey().substring(PICK.length(), slash), field.getKey().substring(slash + 1)});
            }
        }
        String reason = form.getOrDefault("reason", "").trim();
        if (!("release".equals(action) || "delete".equals(action)) || picked.isEmpty() || reason.isEmpty()) {
            reply.message(400, "incomplete_title", "incomplete_text");
            return;
        }
        int done = 0;
        int gone = 0;
        for (String[] pick : picked) {
            Optional<HeldMail> mail = repositories.contains(pick[0]) ? webAdmin.mail(pick[0], pick[1]) : Optional.empty();
            if (mail.isEmpty()) {
                gone++;
                continue;
            }
            if ("release".equals(action)) {
                webAdmin.release(pick[0], pick[1]);
            } else {
                webAdmin.delete(pick[0], pick[1]);
            }
            if ("release".equals(action)) {
                audit.release(account.name(), mail.get(), reason);
            } else {
                audit.delete(account.name(), mail.get(), reason);
            }
            done++;
        }
        Map<String, Object> model = base(account);
        model.put("released", "release".equals(action));
        model.put("done", done);
        model.put("gone", gone);
        model.put("someGone", gone > 0);
        reply.page(200, "done", model, "/held");
    }

    private static String protection(HeldMail mail, MessageStructure.Entry entry) {
        if (entry.file().isEmpty()) {
            return "";
        }
        return mail.findings().stream().filter(f -> entry.file().equals(f.file()) || f.part().endsWith("/" + entry.file()))
                .map(HeldMail.Finding::protection).findFirst().orElse("");
    }

    static Map<String, Object> base(Account account) {
        Map<String, Object> model = new HashMap<>();
        model.put("signedIn", true);
        model.put("user", account.name());
        model.put("role", account.role().word());
        model.put("mayAct", account.role().mayAct());
        return model;
    }

    private static Map<String, Object> row(HeldMail mail) {
        Map<String, Object> row = new HashMap<>();
        row.put("repo", mail.repository());
        row.put("blocked", "outward-blocked".equals(mail.repository()));
        row.put("key", mail.key());
        row.put("pick", PICK + mail.repository() + "/" + mail.key());
        row.put("sender", mail.sender().isEmpty() ? "<>" : mail.sender());
        row.put("recipients", String.join(", ", mail.recipients()));
        row.put("subject", mail.subject());
        row.put("time", mail.time().map(TIME::format).orElse(""));
        row.put("rules", String.join(", ", mail.rules()));
        // The attachment findings only name a file's type; what was found in it is in the others.
        row.put("evidence", String.join("; ", mail.findings().stream().filter(f -> !"attachment".equals(f.kind()))
                .map(HeldMail.Finding::evidence).filter(e -> !e.isBlank()).toList()));
        row.put("viewUrl", "/held/view?repo=" + encode(mail.repository()) + "&key=" + encode(mail.key()));
        return row;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
