package org.outward.console;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.outward.console.oidc.OidcResult;
import org.outward.console.oidc.OidcSignIn;
import org.outward.console.oidc.ProviderKind;
import org.outward.console.oidc.Refusal;
import org.outward.portal.Pages;
import org.outward.portal.Reply;
import org.outward.portal.Request;
import org.outward.portal.SecurityHeaders;

/**
 * The browser's side of the OpenID Connect sign-in: {@code GET /signin/oidc/PROVIDER} sends the browser to the
 * provider with a cookie that ties the return to this browser; {@code GET /signin/oidc/callback} finishes it. A
 * sign-in starts a session as the password sign-in does; every success and refusal is an audit event, whose actor
 * is the verified e-mail address (else {@code unknown}). No token, code or state is logged.
 *
 * <p>The pending sign-in's cookie is {@code SameSite=Lax}: the provider's return is a cross-site navigation, on which a
 * browser sends no {@code Strict} cookie. For the same reason the session cookie (Strict, as ever) would not come with
 * a redirect from the return, so the return answers with a page that moves on to the held mail itself.
 */
final class OidcPages {

    private static final System.Logger LOG = System.getLogger(OidcPages.class.getName());

    private final OidcSignIn oidc;
    private final ConsoleSessions sessions;
    private final AdminAudit audit;
    private final Pages pages;
    private final boolean secure;

    OidcPages(OidcSignIn oidc, ConsoleSessions sessions, AdminAudit audit, Pages pages, boolean secure) {
        this.oidc = oidc;
        this.sessions = sessions;
        this.audit = audit;
        this.pages = pages;
        this.secure = secure;
    }

    boolean localSignIn() {
        return oidc.localSignIn();
    }

    /** The sign-in page's buttons, one a provider, and whether it shows the password form. */
    void signInModel(Map<String, Object> model, String language) {
        List<Map<String, String>> buttons = new ArrayList<>();
        for (ProviderKind kind : oidc.providers()) {
            buttons.add(Map.of("href", OidcSignIn.PATH + kind.word(),
                    "label", pages.word(language, "signin_with_" + kind.word())));
        }
        model.put("providers", buttons);
        model.put("local", oidc.localSignIn());
    }

    /**
     * The provider's return as if its page language came with it (as a form value, which sets no cookie): the
     * language cookie is Strict and stays behind on a cross-site return.
     */
    Request inItsLanguage(Request request) {
        if (!OidcSignIn.CALLBACK_PATH.equals(request.path()) || request.cookies().containsKey(Reply.LANGUAGE_COOKIE)) {
            return request;
        }
        return oidc.language(request.cookies().get(OidcSignIn.COOKIE))
                .map(language -> new Request(request.method(), request.path(), request.query(), request.cookies(),
                        Map.of("lang", language), request.client(), request.acceptsWelsh()))
                .orElse(request);
    }

    void handle(Reply reply, Request request) throws IOException {
        String path = request.path();
        if (OidcSignIn.CALLBACK_PATH.equals(path)) {
            finish(reply, request);
            return;
        }
        Optional<ProviderKind> kind = oidc.providers().stream()
                .filter(k -> (OidcSignIn.PATH + k.word()).equals(path)).findFirst();
        Optional<OidcSignIn.Begun> begun = kind.flatMap(k -> oidc.begin(k, reply.language()));
        if (kind.isEmpty()) {
            reply.message(404, "not_found_title", "not_found_text");
        } else if (begun.isEmpty()) {
            reply.header("Retry-After", "60");
            reply.message(429, "too_many_title", "too_many_text");
        } else {
            reply.addCookie(pendingCookie(begun.get().pendingId(), 600));
            reply.redirect(begun.get().authorization().toString());
        }
    }

    private void finish(Reply reply, Request request) throws IOException {
        OidcResult result = oidc.finish(request.cookies().get(OidcSignIn.COOKIE), request.query());
        reply.addCookie(pendingCookie("", 0));
        String method = result.provider().map(ProviderKind::auditMethod).orElse("oidc");
        audit.signIn(result.address().orElse("unknown"), result.succeeded(), method);
        if (result.succeeded()) {
            Account account = result.account().get();
            ConsoleSessions.Session session = sessions.start(account);
            reply.addCookie(SecurityHeaders.cookie(ConsoleSessions.COOKIE, session.id(),
                    ConsoleSessions.MAX.toSeconds(), secure));
            // A new navigation of this page's own: a Strict cookie is sent with it, not with a redirect from here.
            reply.header("Refresh", "0; url=/held");
            Map<String, Object> model = new HashMap<>();
            model.put("user", account.name());
            reply.page(200, "oidcdone", model, "/held");
            return;
        }
        Refusal why = result.refusal().orElseThrow();
        LOG.log(Level.WARNING, "console: OpenID Connect sign-in refused ("
                + result.provider().map(ProviderKind::word).orElse("no provider") + "): " + why.word());
        Map<String, Object> model = new HashMap<>();
        model.put("notAllowed", why == Refusal.NOT_ALLOWED);
        result.address().ifPresent(address -> model.put("address", address));
        reply.page(why == Refusal.NOT_ALLOWED ? 403 : 401, "oidcrefused", model, "/signin");
    }

    private String pendingCookie(String value, long maxAgeSeconds) {
        return OidcSignIn.COOKIE + "=" + value + "; Path=" + OidcSignIn.PATH.substring(0, OidcSignIn.PATH.length() - 1)
                + "; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}
