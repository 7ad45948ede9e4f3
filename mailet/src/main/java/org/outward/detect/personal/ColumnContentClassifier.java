package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Says what a column holds from its cells alone, for tables with no header row or with headers such as
 * "Column 3". A kind is taken only when most of the sampled cells are valid values of it, and only for
 * recognisers whose shape is telling in bulk ({@link Recogniser#columnIsContext()}).
 *
 * <p>Two shapes of machine-written columns are turned away. A column of identifiers about different people
 * has different values: at least half its cells are distinct, which a register meets (each elector, member
 * or NI number once) while one callsign, sensor or ward code repeated down a log does not. And a column of
 * phone numbers known only by its cells must be written as numbers are dialled, with the trunk 0 or a +:
 * ten digits without either are what timestamps, serial numbers and row ids look like, and only a phone
 * header (where a spreadsheet has dropped the 0) makes them phones.
 */
final class ColumnContentClassifier {

    /** Share of non-empty cells that must be valid values. */
    private static final double VALID_SHARE = 0.6;
    /** Names: share of cells with a listed word, low because real lists hold many names no list has. */
    private static final double KNOWN_NAME_SHARE = 0.1;

    private final RecogniserRegistry registry;
    private final PersonNameRecogniser names;

    ColumnContentClassifier(RecogniserRegistry registry) {
        this.registry = registry;
        this.names = (PersonNameRecogniser) registry.get(DataKind.PERSON_NAME);
    }

    /** The kind of personal data most cells of the sample hold, if any. */
    Optional<DataKind> classify(List<String> sample) {
        if (sample.size() < 2) {
            return Optional.empty();
        }
        int[] digits = new int[sample.size()];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = PatternRecogniser.asciiDigits(sample.get(i));
        }
        for (Recogniser r : registry.all()) {
            if (r.kind() == DataKind.PERSON_NAME || !r.columnIsContext()) {
                continue;
            }
            if (r instanceof PatternRecogniser p && p.digitAnchor() >= 0
                    && !enoughDigits(digits, p.minDigits(), p.maxDigits())) {
                continue; // too few cells have as many digits as a value has: names are not tried cell by cell
            }
            Predicate<String> valid = r.kind().equals(DataKind.PHONE)
                    ? cell -> PhoneRecogniser.writtenWithPrefix(cell) && r.isValue(cell) : r::isValue;
            if (atLeast(sample, valid, VALID_SHARE) && (!r.kind().identifier() || varied(sample))) {
                return Optional.of(r.kind());
            }
        }
        return looksLikeNames(sample) ? Optional.of(DataKind.PERSON_NAME) : Optional.empty();
    }

    /** Whether enough cells (the valid share) have {@code min} to {@code max} digits, as a valid value must. */
    private static boolean enoughDigits(int[] digits, int min, int max) {
        int with = 0;
        for (int d : digits) {
            if (d >= min && d <= max) {
                with++;
            }
        }
        return (double) with / digits.length >= VALID_SHARE;
    }

    /**
     * Whether at least the given share of the sample are valid values for the recogniser. Stops as soon as
     * the answer is certain either way: validating a cell (a phone number against the numbering plan) is
     * the costly part, and a column of names need not be tried as phone numbers cell by cell.
     */
    static boolean atLeast(List<String> sample, Recogniser r, double share) {
        return atLeast(sample, r::isValue, share);
    }

    private static boolean atLeast(List<String> sample, Predicate<String> isValue, double share) {
        if (sample.isEmpty()) {
            return false;
        }
        int n = sample.size();
        int valid = 0;
        for (int i = 0; i < n; i++) {
            if (isValue.test(sample.get(i))) {
                valid++;
            }
            // Compared as the share itself, so the answer is the one the whole sample would give.
            if ((double) valid / n >= share) {
                return true;
            }
            if ((double) (valid + n - i - 1) / n < share) {
                return false;
            }
        }
        return false;
    }

    /** Whether at least half the cells are distinct, as identifiers of different people are. */
    static boolean varied(List<String> sample) {
        Set<String> distinct = new HashSet<>();
        for (String cell : sample) {
            distinct.add(cell.strip());
        }
        return distinct.size() * 2 >= sample.size();
    }

    /**
     * Whether one value fills nine cells in ten of five or more: the one office, room or helpline number a
     * log repeats, where a household's phone repeats only for the few people at one address.
     */
    static boolean oneValue(List<String> sample) {
        if (sample.size() < 5) {
            return false;
        }
        // A value in nine cells of ten is the majority: found in one pass (Boyer and Moore's vote), then counted.
        String candidate = null;
        int lead = 0;
        for (String cell : sample) {
            String value = cell.strip();
            if (lead == 0) {
                candidate = value;
                lead = 1;
            } else {
                lead += value.equals(candidate) ? 1 : -1;
            }
        }
        int count = 0;
        for (String cell : sample) {
            if (cell.strip().equals(candidate)) {
                count++;
            }
        }
        return count >= sample.size() * 0.9;
    }

    /**
     * Names are judged by shape (capitalised words, no digits, no street or organisation words), variety
     * (a column of town names repeats) and a few hits in the name lists.
     */
    boolean looksLikeNames(List<String> sample) {
        int n = sample.size();
        int shaped = 0;
        int full = 0;
        Set<String> distinct = new HashSet<>();
        List<String> shapedCells = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String cell = sample.get(i);
            if (names.hasNameShape(cell)) {
                shaped++;
                distinct.add(cell.strip());
                shapedCells.add(cell);
                if (names.hasFullNameWords(cell)) { // the shape is known to hold: only the words are checked
                    full++;
                }
            } else if (shaped + (n - i - 1) < n * 0.8) {
                return false; // too few cells left to reach the share of name-shaped ones
            }
        }
        boolean varied = n < 6 || distinct.size() >= n * 0.5;
        if (shaped < n * 0.8 || !varied) {
            return false;
        }
        // Full names ("Omar Mann") in a varied column are names even when no word is in the lists; single
        // words need the lists, since a column of single capitalised words may be towns or items. The lists
        // are asked only then, and only until enough cells have a listed word.
        if (full >= n * 0.8) {
            return true;
        }
        int known = 0;
        for (String cell : shapedCells) {
            if (names.knownWords(cell) > 0 && ++known >= Math.max(1, n * KNOWN_NAME_SHARE)) {
                return true;
            }
        }
        return false;
    }

    /** Whether most cells are canvass or voting-intention codes with some variety among them. */
    static boolean looksLikeCanvassCodes(List<String> sample) {
        if (sample.size() < 3) {
            return false;
        }
        int codes = 0;
        Set<String> distinct = new HashSet<>();
        for (String cell : sample) {
            if (SpecialCategoryCues.isCanvassCode(cell)) {
                codes++;
                distinct.add(cell.strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return codes >= sample.size() * 0.8 && distinct.size() >= 2;
    }
}
