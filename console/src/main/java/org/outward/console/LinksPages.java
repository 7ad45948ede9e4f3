package org.outward.console;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.outward.portal.Pages;
import org.outward.portal.Reply;
import org.outward.portal.Request;
import org.outward.vault.ItemId;
import org.outward.vault.ItemInfo;
import org.outward.vault.Vault;

/**
 * The secure-links pages: the vault's items (sender, recipient, file, state, downloads), searchable, and for an
 * admin revoking one (its content deleted at once, with a reason) and purging the content of every expired,
 * revoked and used-up item. The metadata only: the vault cannot open content without the recipient's link.
 */
final class LinksPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneId.of("UTC"));

    private final Vault vault;
    private final Clock clock;
    private final AdminAudit audit;
    private final Pages pages;

    LinksPages(Vault vault, Clock clock, AdminAudit audit, Pages pages) {
        this.vault = vault;
        this.clock = clock;
        this.audit = audit;
        this.pages = pages;
    }

    void list(Reply reply, Request request, Account account) throws IOException {
        String search = request.query().getOrDefault("q", "").trim().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ItemInfo item : vault.list()) {
            if (!search.isEmpty() && !(item.sender().toLowerCase(Locale.ROOT).contains(search)
                    || item.recipient().toLowerCase(Locale.ROOT).contains(search)
                    || item.fileName().toLowerCase(Locale.ROOT).contains(search))) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", item.id().toString());
            row.put("shortId", item.id().toString().substring(0, 12));
            row.put("sender", item.sender());
            row.put("recipient", item.recipient());
            row.put("file", item.fileName());
            row.put("size", item.size());
            row.put("created", TIME.format(item.created()));
            row.put("expires", TIME.format(item.expires()));
            row.put("downloads", item.downloads() + "/" + item.maxDownloads());
            String state = item.stateAt(now);
            row.put("state", pages.word(reply.language(), "state_" + state.replace(' ', '_')));
            row.put("revocable", !item.revoked() && !item.purged());
            rows.add(row);
        }
        Map<String, Object> model = HeldPages.base(account);
        model.put("rows", rows);
        model.put("count", rows.size());
        model.put("empty", rows.isEmpty());
        model.put("search", request.query().getOrDefault("q", "").trim());
        reply.page(200, "links", model, "/links");
    }

    void act(Reply reply, Request request, Account account) throws IOException {
        Map<String, String> form = request.form();
        String action = form.getOrDefault("action", "");
        String reason = form.getOrDefault("reason", "").trim();
        Map<String, Object> model = HeldPages.base(account);
        if ("purge".equals(action)) {
            int purged = vault.purgeExpired();
            audit.purge(account.name(), purged);
            model.put("purged", true);
            model.put("done", purged);
            reply.page(200, "linkdone", model, "/links");
            return;
        }
        String id = form.getOrDefault("item", "");
        if (!"revoke".equals(action) || !ItemId.isValid(id) || reason.isEmpty()) {
            reply.message(400, "incomplete_title", "incomplete_link_text");
            return;
        }
        Optional<ItemInfo> item = vault.find(new ItemId(id));
        if (item.isEmpty() || !vault.revoke(item.get().id(), "admin " + account.name())) {
            reply.message(404, "gone_link_title", "gone_link_text");
            return;
        }
        audit.revoke(account.name(), id, reason);
        model.put("revoked", true);
        model.put("file", item.get().fileName());
        reply.page(200, "linkdone", model, "/links");
    }
}
