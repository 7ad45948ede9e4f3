package org.outward.protect.verify;

/**
 * A password check that cannot be kept or decoded: truncated, of an unknown version or format, or claiming a
 * cost beyond the caps. The message names the fault only, never a byte of the check or a candidate.
 */
public final class MalformedCheckException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MalformedCheckException(String fault) {
        super(fault);
    }
}
