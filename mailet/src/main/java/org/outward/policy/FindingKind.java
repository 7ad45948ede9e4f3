package org.outward.policy;

import java.util.Locale;

/** The kinds of finding a rule can name in its {@code when.finding}. */
public enum FindingKind {
    /** A part holds data about people (a list of people, or identifiers such as NI numbers). */
    PERSONAL_DATA,
    /** A part holds special category data: voting intentions, party support, health, religion, ... */
    SPECIAL_CATEGORY_DATA,
    /** The message discloses a password or login. */
    PASSWORD,
    /** The message carries the password for an encrypted attachment the sender mailed the same recipient earlier. */
    PASSWORD_FOR_EARLIER_ATTACHMENT,
    /** A part is protected with a scheme that is broken in practice (ZipCrypto, RC4, XOR, Blowfish). */
    WEAK_PROTECTION,
    /** A part's content disagrees with its name: a disguised type, a right-to-left override, a double extension. */
    DISGUISED_FILE,
    /** A part passed an inspection limit (depth, size, entries, ratio, time) and was not fully judged. */
    LIMIT_EXCEEDED,
    /**
     * A part's text ran past {@code limits.max-text-chars}: it was judged on its beginning only. Not a
     * {@link #LIMIT_EXCEEDED}, because long reports and big spreadsheets of figures are ordinary party mail; a
     * policy that must not let anything unread through holds these too.
     */
    TEXT_CUT,
    /** Any attachment at all: used with the secure tag to wrap everything the sender asked to protect. */
    ATTACHMENT;

    /** The word used in the policy file, e.g. {@code special-category-data}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
