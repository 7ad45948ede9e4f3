package org.outward.notice;

import java.util.ArrayList;
import java.util.List;

import com.samskivert.mustache.Escapers;

/**
 * The notice a sender gets when an admin deleted their held mail (and the policy says to tell them): which message,
 * to whom, that it was not sent and is no longer kept, and what to do if it must still go. In {@code en}, {@code cy}
 * or {@code both} (Welsh first, as the other notices). It quotes only what the sender wrote on the envelope and the
 * subject line: no content, no evidence, and not the admin's reason, which is a note for the audit trail.
 */
public final class DeletedNotice {

    private DeletedNotice() {
    }

    public static Notice of(String subject, List<String> recipients, String language) {
        String to = String.join(", ", recipients);
        List<String> subjects = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String lang : TemplateSet.languages(language)) {
            if ("cy".equals(lang)) {
                subjects.add("Wedi'i dileu: " + subject);
                texts.add("Mae gweinyddwr wedi dileu eich neges \"" + subject + "\" at " + to + ", a gafodd ei dal gan"
                        + " y porth. Ni chafodd ei hanfon, ac nid yw'r porth yn ei chadw mwyach. Os oes rhaid iddi fynd o"
                        + " hyd, anfonwch hi mewn ffordd ddiogel fel y dywedodd yr hysbysiad cyntaf, neu atebwch y neges"
                        + " hon i ofyn.");
            } else {
                subjects.add("Deleted: " + subject);
                texts.add("An administrator deleted your message \"" + subject + "\" to " + to + ", which the gateway"
                        + " had held. It was not sent, and the gateway no longer keeps it. If it must still go, send it"
                        + " in a safe way as the first notice said, or reply to this message to ask.");
            }
        }
        StringBuilder html = new StringBuilder();
        texts.forEach(text -> html.append("<p>").append(Escapers.HTML.escape(text)).append("</p>"));
        return new Notice(String.join(" / ", subjects), String.join("\n\n----------------------------------------\n\n",
                texts) + "\n", html.toString());
    }
}
