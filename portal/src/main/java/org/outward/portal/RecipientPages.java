package org.outward.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.outward.vault.AuditKind;
import org.outward.vault.Download;
import org.outward.vault.ItemInfo;
import org.outward.vault.LinkToken;
import org.outward.vault.PortalPaths;

/**
 * The recipient's side: {@code GET /l/{token}} (the link page, or the download page once a code was right),
 * {@code POST /l/{token}/code} (email a code), {@code POST /l/{token}/verify} and {@code POST /l/{token}/download}.
 */
final class RecipientPages {

    static final String SESSION_COOKIE = "ow_session";
    private static final System.Logger LOG = System.getLogger(RecipientPages.class.getName());

    private final PortalParts parts;

    RecipientPages(PortalParts parts) {
        this.parts = parts;
    }

    void handle(Reply reply, String rest) throws IOException {
        Request request = reply.request();
        int slash = rest.indexOf('/');
        String encoded = slash < 0 ? rest : rest.substring(0, slash);
        String action = slash < 0 ? "" : rest.substring(slash + 1);
        Optional<LinkToken> parsed = LinkToken.parse(encoded);
        if (parsed.isEmpty()) {
            PortalHandler.unavailable(reply);
            return;
        }
        LinkToken token = parsed.get();
        if (!parts.perLink().allow(token.itemId().hex())) {
            PortalHandler.tooMany(reply);
            return;
        }
        Optional<ItemInfo> found = parts.vault().describe(token);
        if (found.isEmpty()) {
            PortalHandler.unavailable(reply);
            return;
        }
        ItemInfo item = found.get();
        String linkPath = PortalPaths.LINK_PREFIX + encoded;
        if ("GET".equals(request.method()) && action.isEmpty()) {
            show(reply, item, encoded);
            return;
        }
        if (!"POST".equals(request.method())) {
            PortalHandler.unavailable(reply);
            return;
        }
        if (!parts.csrf().valid(reply.csrfCookie(), request.form().get("csrf"))) {
            reply.message(403, "csrf_title", "csrf_text");
            return;
        }
        switch (action) {
            case "code" -> sendCode(reply, item, encoded, linkPath);
            case "verify" -> verify(reply, item, encoded, linkPath);
            case "download" -> download(reply, token, item, linkPath);
            default -> PortalHandler.unavailable(reply);
        }
    }

    private void show(Reply reply, ItemInfo item, String encoded) throws IOException {
        Map<String, Object> model = model(item, encoded, reply.language());
        if (parts.sessions().allows(reply.request().cookies().get(SESSION_COOKIE), item.id())) {
            reply.page(200, "ready", model, null);
        } else if (parts.codes().locked(item.id())) {
            reply.page(429, "locked", model, null);
        } else {
            parts.vault().record(item.id(), AuditKind.VIEWED, "link page");
            reply.page(200, "link", model, null);
        }
    }

    private void sendCode(Reply reply, ItemInfo item, String encoded, String linkPath) throws IOException {
        Map<String, Object> model = model(item, encoded, reply.language());
        // Empty while locked, and once the window's codes are sent: the count is shared by all portal nodes.
        Optional<String> code = parts.codes().issue(item.id());
        if (code.isEmpty()) {
            reply.page(429, "locked", model, linkPath);
            return;
        }
        // The code goes to the address the link was made for, never to one the browser could supply.
        parts.codeSender().send(new CodeMail(item.recipient(), code.get(), parts.config().limits().codeLifetime(),
                reply.language()));
        parts.metrics().codeSent();
        parts.vault().record(item.id(), AuditKind.CODE_SENT, "to recipient");
        reply.page(200, "code", model, linkPath);
    }

    private void verify(Reply reply, ItemInfo item, String encoded, String linkPath) throws IOException {
        OneTimeCodes.Check check = parts.codes().verify(item.id(), reply.request().form().get("code"));
        Map<String, Object> model = model(item, encoded, reply.language());
        switch (check.outcome()) {
            case ACCEPTED -> {
                parts.vault().record(item.id(), AuditKind.CODE_ACCEPTED, "recipient");
                String session = parts.sessions().open(item.id());
                reply.addCookie(SecurityHeaders.cookie(SESSION_COOKIE, session,
                        parts.sessions().lifetime().toSeconds(), parts.config().secure()));
                reply.redirect(linkPath);
            }
            case WRONG -> {
                parts.vault().record(item.id(), AuditKind.CODE_WRONG, "recipient");
                model.put("wrong", true);
                model.put("triesLeft", check.triesLeft());
                reply.page(400, "code", model, linkPath);
            }
            case LOCKED -> {
                parts.vault().record(item.id(), AuditKind.LOCKED, "too many wrong codes");
                reply.page(429, "locked", model, linkPath);
            }
        }
    }

    private void download(Reply reply, LinkToken token, ItemInfo item, String linkPath) throws IOException {
        if (!parts.sessions().allows(reply.request().cookies().get(SESSION_COOKIE), item.id())) {
            reply.redirect(linkPath);
            return;
        }
        Optional<Download> opened = parts.vault().download(token);
        if (opened.isEmpty()) {
            PortalHandler.unavailable(reply);
            return;
        }
        try (Download download = opened.get(); InputStream content = download.content();
             OutputStream out = reply.stream("application/octet-stream",
                     Map.of("Content-Disposition", ContentDisposition.attachment(download.item().fileName())),
                     download.item().size())) {
            content.transferTo(out);
        }
        parts.metrics().downloaded();
        if (opened.get().item().downloads() == 1) {
            tellSender(opened.get().item());
        }
    }

    /** Once, after the first download: the vault counted it under its lock, so only one request sees 1. */
    private void tellSender(ItemInfo item) {
        try {
            parts.notifier().firstDownload(item);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "first-download notice failed: " + e.getClass().getName());
        }
    }

    private Map<String, Object> model(ItemInfo item, String encoded, String language) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", encoded);
        model.put("sender", item.sender());
        model.put("fileName", item.fileName());
        model.put("size", Formats.size(item.size()));
        model.put("expires", Formats.time(item.expires(), language));
        model.put("maskedRecipient", Formats.masked(item.recipient()));
        model.put("minutes", parts.config().limits().codeLifetime().toMinutes());
        model.put("digits", parts.config().limits().codeDigits());
        model.put("downloadsLeft", item.maxDownloads() - item.downloads());
        return model;
    }
}
