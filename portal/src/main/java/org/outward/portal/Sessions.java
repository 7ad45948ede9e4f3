package org.outward.portal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import org.outward.vault.ItemId;

/**
 * Who has entered a right code: random session ids (in a cookie) bound to one item for a short while. Kept in
 * memory for one portal node, in a shared store for several, so that any node honours a session another opened.
 */
public interface Sessions {

    /** Opens a session for this item and returns its id, which only the cookie holds. */
    String open(ItemId item) throws IOException;

    /** Whether this session may download this item now. */
    boolean allows(String sessionId, ItemId item) throws IOException;

    /** Forgets sessions that have ended. */
    void forgetOld() throws IOException;

    /** How long a session lasts. */
    Duration lifetime();

    /** A new session id: 256 random bits, URL-safe. */
    static String newId(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
