package org.outward.detect.secret.correlate;

import java.util.Locale;

import org.outward.installation.InstallationKey;

/** The keyed hash that stands in for an address in the correlation state, wherever that is kept. */
public final class AddressKey {

    private static final String PURPOSE = "outward-correlate-address-v1";

    private AddressKey() {
    }

    /** Case and surrounding space do not make a different person: "Jane@X" and "jane@x " hash alike. */
    public static String of(InstallationKey key, String address) {
        return key.hmacText(PURPOSE, address.strip().toLowerCase(Locale.ROOT));
    }
}
