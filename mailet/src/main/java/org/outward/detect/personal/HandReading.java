package org.outward.detect.personal;

/**
 * An identifier's shape read by hand in running text, standing in for its regex where starting the regex at
 * every candidate cost more than the matching (a matcher's region resets all its groups). The regex stays the
 * definition: the tests beside each reading compare the two at every word start of the corpora and of
 * generated text. A reading gives one of the two answers below; the other keeps its default.
 */
public interface HandReading {

    /** {@link #firstMatch}'s answer for a reading that does not search (the scanning plan searches). */
    long NOT_READ = -2;

    /**
     * Where the shape's match at word start i, within [i, to) with what lies around seen as it is, ends; -1
     * for none. The {@code \b} before i is known to hold. By default, {@link #NOT_READ} cast to an int.
     */
    default int end(String text, int i, int to) {
        return (int) NOT_READ;
    }

    /**
     * The first match within [from, to), what lies around seen as it is (as {@code find()} over that region
     * with transparent bounds), as {@code start << 32 | end}; -1 for none; {@link #NOT_READ} when this reading
     * gives {@link #end} instead.
     */
    default long firstMatch(String text, int from, int to) {
        return NOT_READ;
    }
}
