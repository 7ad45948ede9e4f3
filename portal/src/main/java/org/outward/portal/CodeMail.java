package org.outward.portal;

import java.time.Duration;

/**
 * A one-time code on its way to a recipient.
 *
 * @param recipient the address the link was made for (never one the browser supplies)
 * @param code      the digits
 * @param validFor  how long it works
 * @param language  {@code en} or {@code cy}: the language the recipient chose, written first
 */
public record CodeMail(String recipient, String code, Duration validFor, String language) {

    @Override
    public String toString() {
        return "CodeMail[code redacted]";
    }
}
