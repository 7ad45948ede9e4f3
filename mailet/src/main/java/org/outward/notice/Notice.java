package org.outward.notice;

import java.util.Objects;

/** A teaching notice, rendered: the subject and the same text as plain text and as HTML. */
public record Notice(String subject, String text, String html) {

    public Notice {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
