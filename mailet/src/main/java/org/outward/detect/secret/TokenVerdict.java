package org.outward.detect.secret;

/**
 * The token judge's view of the word that follows a cue. Carries no part of the token.
 *
 * @param plausible whether the token could be a secret at all
 * @param reason    why, in a few words, for tests and debugging
 * @param adjustment how much the token raises or lowers the cue's confidence
 */
public record TokenVerdict(boolean plausible, String reason, double adjustment) {

    static TokenVerdict no(String reason) {
        return new TokenVerdict(false, reason, 0);
    }

    static TokenVerdict yes(String reason, double adjustment) {
        return new TokenVerdict(true, reason, adjustment);
    }
}
