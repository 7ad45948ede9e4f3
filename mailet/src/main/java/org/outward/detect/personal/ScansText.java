package org.outward.detect.personal;

import java.util.List;

/**
 * A recogniser that reads a {@link ScannedText}, sharing the text's word starts, digit runs and lower-cased
 * copy with the others, instead of working them out again from the string.
 */
interface ScansText {

    /** Values in the text, as {@link Recogniser#find(String)} finds them in its string. */
    List<Match> find(ScannedText text);
}
