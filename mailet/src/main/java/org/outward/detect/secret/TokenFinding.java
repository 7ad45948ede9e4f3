package org.outward.detect.secret;

import java.util.Objects;

/**
 * A finding together with the token it is about. The token stays in memory only, so the correlation can test it
 * against an earlier file's own password check; it is never printed, logged or stored.
 *
 * @param finding the finding, with the token redacted
 * @param token   the token as the sender typed it
 */
public record TokenFinding(SecretFinding finding, String token) {

    public TokenFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "TokenFinding[" + finding.where() + ", " + finding.recogniser() + "]";
    }
}
