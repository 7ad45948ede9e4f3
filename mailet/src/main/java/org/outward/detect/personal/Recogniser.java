package org.outward.detect.personal;

import java.util.List;

/**
 * Finds one kind of personal data. Like Presidio's recognisers, each declares its pattern, its context words
 * and a validator; unlike a bare regex, a candidate that fails the validator is never reported.
 */
public interface Recogniser {

    DataKind kind();

    /** Values of this kind in running text, with context taken into account. */
    List<Match> find(String text);

    /** Whether one table cell, on its own, is a valid value of this kind (shape and validator, no context). */
    boolean isValue(String cell);

    /**
     * Whether a column full of valid values is context enough. True for shapes that are distinctive in bulk
     * (a column of mod-11 NHS numbers), false where a column could be anything (a column of dates).
     */
    default boolean columnIsContext() {
        return true;
    }
}
