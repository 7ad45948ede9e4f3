package org.outward.portal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.outward.vault.AuditEvent;
import org.outward.vault.ItemInfo;
import org.outward.vault.ManagementToken;
import org.outward.vault.PortalPaths;

/** The sender's side: {@code GET /m/{token}} (who opened the file, when) and {@code POST /m/{token}/revoke}. */
final class SenderPages {

    private final PortalParts parts;

    SenderPages(PortalParts parts) {
        this.parts = parts;
    }

    void handle(Reply reply, String rest) throws IOException {
        Request request = reply.request();
        int slash = rest.indexOf('/');
        String encoded = slash < 0 ? rest : rest.substring(0, slash);
        String action = slash < 0 ? "" : rest.substring(slash + 1);
        Optional<ManagementToken> parsed = ManagementToken.parse(encoded);
        Optional<ItemInfo> found = parsed.isEmpty() ? Optional.empty() : parts.vault().manage(parsed.get());
        if (found.isEmpty()) {
            PortalHandler.unavailable(reply);
            return;
        }
        // Counted only once the token is verified: the item id is no secret to anyone holding the recipient's
        // link, so counting made-up tokens would let them lock the sender out of withdrawing it. Guesses at the
        // 256-bit secret are bounded by the per-client limit.
        if (!parts.perLink().allow("m" + found.get().id().hex())) {
            PortalHandler.tooMany(reply);
            return;
        }
        String path = PortalPaths.MANAGEMENT_PREFIX + encoded;
        if ("GET".equals(request.method()) && action.isEmpty()) {
            reply.page(200, "manage", model(found.get(), encoded, reply.language()), null);
        } else if ("POST".equals(request.method()) && "revoke".equals(action)) {
            if (!parts.csrf().valid(reply.csrfCookie(), request.form().get("csrf"))) {
                reply.message(403, "csrf_title", "csrf_text");
                return;
            }
            parts.vault().revoke(found.get().id(), "sender");
            reply.redirect(path);
        } else {
            PortalHandler.unavailable(reply);
        }
    }

    private Map<String, Object> model(ItemInfo item, String encoded, String language) {
        Map<String, Object> model = new HashMap<>();
        var now = parts.clock().instant();
        model.put("token", encoded);
        model.put("fileName", item.fileName());
        model.put("recipient", item.recipient());
        model.put("size", Formats.size(item.size()));
        model.put("created", Formats.time(item.created(), language));
        model.put("expires", Formats.time(item.expires(), language));
        model.put("downloads", item.downloads());
        model.put("maxDownloads", item.maxDownloads());
        model.put("state", parts.pages().word(language, "state_" + item.stateAt(now).replace(' ', '_')));
        model.put("active", item.servableAt(now));
        List<Map<String, String>> events = item.events().stream().map((AuditEvent e) -> Map.of(
                "at", Formats.time(e.at(), language),
                "what", parts.pages().word(language, "event_" + e.kind().name())
                        // A repeated event is kept a few times; the last one kept counts the rest.
                        + (e.times() > 1 ? parts.pages().word(language, "event_more")
                                .replace("{n}", Integer.toString(e.times() - 1)) : ""))).toList();
        model.put("events", events);
        return model;
    }
}
