package org.outward.console;

import java.util.Locale;

/** What a console user may do: an admin acts on held mail; a data protection officer only looks. */
public enum Role {
    ADMIN, DPO;

    /** From its word in the users file and on the command line ({@code admin}, {@code dpo}). */
    public static Role of(String word) {
        return valueOf(word.trim().toUpperCase(Locale.ROOT));
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean mayAct() {
        return this == ADMIN;
    }
}
