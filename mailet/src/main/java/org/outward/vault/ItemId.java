package org.outward.vault;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An item's name in the store: the hex SHA-256 of its link id. Knowing it gives no access to the content; it is
 * what admins and audit trails refer to.
 */
public record ItemId(String hex) {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{64}");

    public ItemId {
        if (hex == null || !SHAPE.matcher(hex).matches()) {
            throw new IllegalArgumentException("an item id is 64 lower-case hex digits");
        }
    }

    static ItemId of(byte[] sha256) {
        return new ItemId(HexFormat.of().formatHex(sha256));
    }

    byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    /** Whether the text has the shape of an item id (for command lines). */
    public static boolean isValid(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return hex;
    }
}
