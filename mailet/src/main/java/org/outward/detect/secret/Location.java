package org.outward.detect.secret;

/** Where in a message a piece of text sits; a finding reports it so the sender knows where to look. */
public enum Location {
    /** The Subject header. */
    SUBJECT,
    /** A text/plain body part, the sender's own new text. */
    BODY_PLAIN,
    /** A text/html body part, already converted to text by the inspection core. */
    BODY_HTML,
    /** Reply or forwarded text the sender's client quoted below (or inside) the new text. */
    QUOTED,
    /** A small text attachment, such as {@code password.txt}. */
    ATTACHMENT
}
