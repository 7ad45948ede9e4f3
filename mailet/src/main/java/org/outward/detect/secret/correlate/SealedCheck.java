package org.outward.detect.secret.correlate;

import java.util.Arrays;

/**
 * An encrypted file's own password check, sealed under the installation key, as the correlation state stores
 * it: opaque bytes to every log. Empty when the file's format keeps no check the gateway can read.
 */
public final class SealedCheck {

    /** No check: the correlation falls back on what the later message says. */
    public static final SealedCheck NONE = new SealedCheck(new byte[0]);

    private final byte[] bytes;

    private SealedCheck(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The sealed bytes as a log stored them; empty or null for none. */
    public static SealedCheck of(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? NONE : new SealedCheck(bytes.clone());
    }

    public boolean isPresent() {
        return bytes.length > 0;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedCheck that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Says whether there is a check, never what it holds. */
    @Override
    public String toString() {
        return isPresent() ? "SealedCheck[" + bytes.length + " bytes]" : "SealedCheck[none]";
    }
}
