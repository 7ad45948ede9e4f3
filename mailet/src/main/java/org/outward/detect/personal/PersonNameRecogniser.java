package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person names, from structure and from the ONS name lists: a title followed by capitalised words
 * ({@code Mrs J. Smith}, {@code Cllr Patel}), a listed given name followed by a surname
 * ({@code Jane Smith}), or a register-style {@code SMITH, Jane}. A given name followed by a capitalised word
 * that is not a known surname still counts, at a lower score, unless that word names a place or a thing.
 */
final class PersonNameRecogniser implements Recogniser, ScansText {

    static final String TITLES = "Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Rev|Revd|Sir|Dame|Lady|Lord|Prof";
    private static final String WORD = "[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?";
    static final WordStarts TITLED = new WordStarts(Pattern.compile(
            "\\b(?:" + TITLES + ")\\.? (?:[A-Z]\\.? ){0,2}(?:" + WORD + " ){0,2}" + WORD + "\\b"),
            PersonNameRecogniser::titleThenDotOrSpace);
    static final WordStarts PAIR = new WordStarts(Pattern.compile("\\b(" + WORD + ") (?:[A-Z]\\. )?(" + WORD
            + "|[A-Z]{2,}(?:-[A-Z]{2,})?)\\b(?!['’]s)(?: (" + WORD + "))?"),
            PersonNameRecogniser::wordThenCapital);
    static final WordStarts REGISTER_STYLE = new WordStarts(
            Pattern.compile("\\b([A-Z]{2,}(?:['’-][A-Z]+)?), (" + WORD + ")\\b"),
            PersonNameRecogniser::capitalsThenComma);
    /** A cell that is a name, as a regex: {@link #isNameCell} decides it by hand (RecognisersTest compares). */
    static final Pattern CELL = Pattern.compile(
            "(?:(?:" + TITLES + ")\\.? )?(?:[A-Za-z][a-z]*\\.? ){0,3}[A-Za-z]+(?:['’-][A-Za-z]+)?"
            + "|[A-Z][A-Za-z'’-]+, [A-Z][a-z]+(?: [A-Z][a-z]+)?");
    /** Two capitalised words right before a house number: "Pat Dietrich of 216 Park Lane", "Omar Mann, 37 Mill Way". */
    static final WordStarts BEFORE_ADDRESS = new WordStarts(Pattern.compile("\\b(" + WORD + ") (" + WORD
            + ")(?=(?: (?:of|at|from)|,)? (?:Flat \\d{1,4}[A-Za-z]?,? )?\\d{1,4}[A-Za-z]?,? [A-Z][a-z])"),
            PersonNameRecogniser::twoWordsThenNumber);
    /** Every word capitalised, two or three of them: the shape of a full name in a cell. */
    static final Pattern FULL_NAME_CELL = Pattern.compile(WORD + "(?: " + WORD + "){1,2}");

    /** Capitalised words that follow given names in party mail without being surnames. */
    static final Set<String> NOT_SURNAMES = Set.of("street", "road", "lane", "avenue", "close", "drive",
            "court", "hall", "church", "chapel", "centre", "center", "school", "college", "park", "library",
            "club", "house", "ward", "council", "party", "group", "team", "committee", "branch", "branches",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "june", "july", "august", "september", "october", "november", "december", "and",
            "the", "said", "says", "will", "would", "has", "had", "was", "is", "who", "from", "at", "on", "in",
            "to", "for", "thanks", "thank", "agreed", "asked", "noted", "reported", "proposed", "seconded",
            "lib", "labour", "conservative", "green", "reform", "democrats", "liberal", "campaign", "office",
            "ltd", "limited", "plc", "trust", "foundation", "hospital", "surgery", "estate", "garden", "gardens",
            "square", "bridge", "way", "university", "press", "media", "news", "times", "post", "ward's",
            "north", "south", "east", "west", "central", "castle", "upper", "lower", "town", "city", "village",
            "grove", "terrace", "crescent", "place", "mews", "rise", "row", "walk", "hill", "view", "parade",
            "meadow", "meadows", "fields", "croft", "wharf", "gate", "chase", "brow", "vale", "end",
            "printing", "posters", "freepost", "hire", "rent", "stationery", "postage", "leaflet", "leaflets",
            "conservatives", "greens", "uk", "total", "budget", "summary", "round", "flat");

    /** {@link #NOT_SURNAMES}, asked about a word of a cell where it stands. */
    private static final LowerCaseWords NOT_SURNAME_WORDS = new LowerCaseWords(NOT_SURNAMES);

    /** Whether {@code text[from, to)} is a capitalised word that follows given names without being a surname. */
    static boolean notSurname(String text, int from, int to) {
        return NOT_SURNAME_WORDS.contains(text, from, to);
    }

    private static final String[] TITLE_WORDS = TITLES.split("\\|");
    private static final int LONGEST_TITLE = Arrays.stream(TITLE_WORDS).mapToInt(String::length).max().orElse(0);

    /** The opening of {@link #TITLED}: a title, then a dot or a space. */
    private static boolean titleThenDotOrSpace(String text, int i) {
        // A title is a whole run of letters: only titles as long as the run can be the one.
        int end = i;
        while (end < text.length() && end - i <= LONGEST_TITLE && Character.isLetter(text.charAt(end))) {
            end++;
        }
        if (end >= text.length() || (text.charAt(end) != '.' && text.charAt(end) != ' ')) {
            return false;
        }
        for (String title : TITLE_WORDS) {
            if (title.length() == end - i && startsWith(text, i, title)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(String text, int i, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (text.charAt(i + k) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The opening of {@link #PAIR}: a {@link #WORD} from the given-name lists, a space, a capital. Checking
     * the list here, not after the match, also lets the search go on at the next word: "Dear Jane Smith"
     * matched from "Dear" would have hidden "Jane Smith" inside a rejected match.
     */
    private static boolean wordThenCapital(String text, int i) {
        return wordThenCapital(text, i, wordEnd(text, i));
    }

    /** {@link #wordThenCapital(String, int)} for the word at i that ends at {@code end}. */
    private static boolean wordThenCapital(String text, int i, int end) {
        return end >= 0 && end + 1 < text.length() && text.charAt(end) == ' ' && isCapital(text.charAt(end + 1))
                && NameLists.isGivenName(text, i, end);
    }

    /** What a house number may follow in {@link #BEFORE_ADDRESS}: nothing, " of", " at", " from" or ",". */
    private static final List<String> BEFORE_NUMBER = List.of("", " of", " at", " from", ",");

    /** The opening of {@link #BEFORE_ADDRESS}: two {@link #WORD}s, then a house number or a flat. */
    private static boolean twoWordsThenNumber(String text, int i) {
        return secondWordThenNumber(text, wordEnd(text, i));
    }

    /** {@link #twoWordsThenNumber} for a first word that ends at {@code first} (-1: no word there). */
    private static boolean secondWordThenNumber(String text, int first) {
        if (first < 0 || first + 1 >= text.length() || text.charAt(first) != ' ') {
            return false;
        }
        return numberFollows(text, wordEnd(text, first + 1));
    }

    /** Whether a house number (or a flat) follows a second word that ends at {@code second} (-1: none there). */
    private static boolean numberFollows(String text, int second) {
        if (second < 0) {
            return false;
        }
        for (String joint : BEFORE_NUMBER) {
            int at = second + joint.length();
            if (at + 1 < text.length() && startsWith(text, second, joint) && text.charAt(at) == ' '
                    && (isDigit(text.charAt(at + 1))
                            || at + 6 <= text.length() && startsWith(text, at + 1, "Flat "))) {
                return true;
            }
        }
        return false;
    }

    /** The opening of {@link #REGISTER_STYLE}: capitals (two runs may be joined by ' or -), ", ", a capital. */
    private static boolean capitalsThenComma(String text, int i) {
        int end = capitalRun(text, i);
        if (end - i < 2) {
            return false;
        }
        if (end < text.length() && isJoiner(text.charAt(end))) {
            int after = capitalRun(text, end + 1);
            if (after == end + 1) {
                return false;
            }
            end = after;
        }
        return end + 2 < text.length() && text.charAt(end) == ',' && text.charAt(end + 1) == ' '
                && isCapital(text.charAt(end + 2));
    }

    /**
     * Where a {@link #WORD} beginning at i ends, or -1 when none does. Each pattern wants a space or a comma
     * right after the word, so the regex has no choice in its letters and the longest run is the one.
     */
    private static int wordEnd(String text, int i) {
        if (!isCapital(text.charAt(i))) {
            return -1;
        }
        int end = lowerRun(text, i + 1);
        if (end == i + 1) {
            return -1;
        }
        if (end < text.length() && isJoiner(text.charAt(end))) {
            int from = end + 1;
            if (from < text.length() && isCapital(text.charAt(from))) {
                from++;
            }
            int after = lowerRun(text, from);
            if (after == from) {
                return -1;
            }
            end = after;
        }
        return end;
    }

    private static boolean isCapital(char ch) {
        return ch >= 'A' && ch <= 'Z';
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    private static int capitalRun(String text, int i) {
        int n = text.length();
        while (i < n && isCapital(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isJoiner(char ch) {
        return ch == '\'' || ch == '’' || ch == '-';
    }

    /** Where the run of a-z letters from {@code i} ends. */
    private static int lowerRun(String text, int i) {
        return lowerRun(text, i, text.length());
    }

    @Override
    public DataKind kind() {
        return DataKind.PERSON_NAME;
    }

    /** Every pattern here begins at the start of a word, and is tried only where its first letters fit. */
    @Override
    public List<Match> find(String text) {
        return find(new ScannedText(text));
    }

    @Override
    public List<Match> find(ScannedText scanned) {
        return find(scanned, 0, scanned.length());
    }

    /**
     * The names that begin in [from, to) and end by {@code to}: the stretch of text before a detail. What
     * follows the stretch is seen as it is, so "Omar Mann" before "37 Mill Way" is a name before an address.
     */
    List<Match> find(ScannedText scanned, int from, int to) {
        List<Match> found = new ArrayList<>();
        Openings openings = Openings.in(scanned, from, to);
        String text = scanned.text();
        int next = 0; // as find() goes on after a match
        for (int k = 0; k < openings.count(TITLED); k++) {
            int i = openings.at(TITLED)[k];
            int end = i >= next ? titledEnd(text, i, to) : -1;
            if (end >= 0) {
                found.add(new Match(DataKind.PERSON_NAME, i, end, 0.7));
                next = end;
            }
        }
        for (WordStarts.Matches pairs = openings.matches(PAIR); pairs.find(); ) {
            Matcher p = pairs.matcher();
            String first = p.group(1);
            String second = p.group(2);
            if (!NameLists.isGivenName(first) || NOT_SURNAMES.contains(second.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String third = p.group(3);
            if (third != null && NOT_SURNAMES.contains(third.toLowerCase(Locale.ROOT))) {
                continue; // "Mary Rose Hall" is a venue
            }
            double score = NameLists.isSurname(second) ? 0.8 : 0.5;
            found.add(new Match(DataKind.PERSON_NAME, p.start(1), p.end(2), score));
        }
        next = 0;
        for (int k = 0; k < openings.count(BEFORE_ADDRESS); k++) {
            int i = openings.at(BEFORE_ADDRESS)[k];
            int end = i >= next ? beforeAddressEnd(text, i, to) : -1;
            if (end < 0) {
                continue;
            }
            next = end;
            int first = longestWord(text, i, to); // the match's first word; the second follows its space
            if (!NOT_SURNAME_WORDS.contains(text, i, first) && !NOT_SURNAME_WORDS.contains(text, first + 1, end)
                    && !isTitle(text, i, first)) {
                found.add(new Match(DataKind.PERSON_NAME, i, end, 0.6));
            }
        }
        for (WordStarts.Matches registerStyle = openings.matches(REGISTER_STYLE); registerStyle.find(); ) {
            Matcher r = registerStyle.matcher();
            if (NameLists.isGivenName(r.group(2))) {
                found.add(new Match(DataKind.PERSON_NAME, r.start(), r.end(), 0.8));
            }
        }
        return found;
    }

    /**
     * Where each of the four name patterns may begin in a stretch [from, to): one walk of the words that begin
     * with a capital, each word's end found once for the two patterns that want it. Four searches, each walking
     * the words and asking its own opening through an interface, were a fifth of an everyday body's time.
     * The tests are the patterns' own openings ({@link WordStarts#mayMatchAt}), less the tables of first two
     * characters where an opening already checks more, so the matches are theirs (WordStartsTest compares).
     */
    static final class Openings {

        static final List<WordStarts> PATTERNS = List.of(TITLED, PAIR, BEFORE_ADDRESS, REGISTER_STYLE);
        private static final int[] NONE = new int[0];

        private final ScannedText text;
        private final int to;
        private final int[][] at = new int[PATTERNS.size()][];
        private final int[] count = new int[PATTERNS.size()];

        private Openings(ScannedText text, int to) {
            this.text = text;
            this.to = to;
        }

        static Openings in(ScannedText scanned, int from, int to) {
            Openings openings = new Openings(scanned, to);
            String s = scanned.text();
            int n = s.length();
            // The end of the WORD that begins right after the last one and a space: the next capitalised word.
            int nextStart = -1;
            int nextEnd = -1;
            for (int w = scanned.firstCapitalAtOrAfter(from), capitals = scanned.capitals(); w < capitals; w++) {
                int i = scanned.capitalStart(w);
                if (i >= to) {
                    break;
                }
                if (TITLED.mayStartAt(s, i) && titleThenDotOrSpace(s, i)) {
                    openings.add(0, i);
                }
                // Both begin with a WORD, a space and a capital: where they do not, neither can match (their
                // tables of first two characters would say no less). The first word's end serves both, and
                // the second's is the next capitalised word's, worked out once.
                int end = i == nextStart ? nextEnd : wordEnd(s, i);
                if (end >= 0 && end + 1 < n && s.charAt(end) == ' ' && isCapital(s.charAt(end + 1))) {
                    if (NameLists.isGivenName(s, i, end)) { // the rest of wordThenCapital
                        openings.add(1, i);
                    }
                    nextStart = end + 1;
                    nextEnd = wordEnd(s, nextStart);
                    if (numberFollows(s, nextEnd)) { // the rest of twoWordsThenNumber
                        openings.add(2, i);
                    }
                }
                if (capitalsThenComma(s, i)) {
                    openings.add(3, i);
                }
            }
            return openings;
        }

        private void add(int pattern, int i) {
            if (at[pattern] == null) {
                at[pattern] = new int[4];
            } else if (count[pattern] == at[pattern].length) {
                at[pattern] = Arrays.copyOf(at[pattern], count[pattern] * 2);
            }
            at[pattern][count[pattern]++] = i;
        }

        /** How many words of the stretch one of the four patterns may begin at. */
        int count(WordStarts pattern) {
            return count[PATTERNS.indexOf(pattern)];
        }

        /** Where those words start, in order (the first {@link #count} entries). */
        int[] at(WordStarts pattern) {
            int k = PATTERNS.indexOf(pattern);
            return at[k] == null ? NONE : at[k];
        }

        /** The matches of one of the four patterns in the stretch. */
        WordStarts.Matches matches(WordStarts pattern) {
            int k = PATTERNS.indexOf(pattern);
            return pattern.matchesAt(text, at[k] == null ? NONE : at[k], count[k], to);
        }
    }

    /**
     * Where {@link #TITLED}'s match at word start i, within [i, to) with what lies around seen as it is, ends;
     * -1 for none. Read by hand in the regex's order of choices: the title is its whole run of letters (any
     * shorter title is followed by a letter, not a dot or a space), then a dot or not, a space; up to two
     * initials, as many as there are first; then up to two words each followed by a space, as many as there are
     * first; then a last word that ends a word. Each initial and word has one way to be followed by a space,
     * so only the counts are choices, tried from the most down.
     */
    static int titledEnd(String text, int i, int to) {
        if (WordBoundary.wordBefore(text, i) || !titleThenDotOrSpace(text, i)) {
            return -1;
        }
        int title = i;
        while (title < to && isAsciiLetter(text.charAt(title))) {
            title++;
        }
        for (int dot = title < to && text.charAt(title) == '.' ? 1 : 0; dot >= 0; dot--) {
            int space = title + dot;
            if (space < to && text.charAt(space) == ' ') {
                int end = afterTitle(text, space + 1, to);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    private static int afterTitle(String text, int q, int to) {
        int[] initials = {q, -1, -1};
        int most = 0;
        while (most < 2 && (initials[most + 1] = initialThenSpace(text, initials[most], to)) >= 0) {
            most++;
        }
        for (int a = most; a >= 0; a--) {
            int[] words = {initials[a], -1, -1};
            int fullest = 0;
            while (fullest < 2 && (words[fullest + 1] = wordThenSpace(text, words[fullest], to)) >= 0) {
                fullest++;
            }
            for (int b = fullest; b >= 0; b--) {
                int end = lastWordEnd(text, words[b], to);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    /**
     * Where {@link #BEFORE_ADDRESS}'s match at word start i ends, within [i, to) and its lookahead seeing the
     * whole text; -1 for none. Each word can be only its longest reading (a shorter one is followed by a letter
     * or a joiner, where a space, a comma or the lookahead's space must come), so the only choices are those of
     * the lookahead, all tried.
     */
    static int beforeAddressEnd(String text, int i, int to) {
        if (WordBoundary.wordBefore(text, i)) {
            return -1;
        }
        int first = longestWord(text, i, to);
        if (first < 0 || first >= to || text.charAt(first) != ' ') {
            return -1;
        }
        int second = longestWord(text, first + 1, to);
        return second >= 0 && houseNumberAfter(text, second) ? second : -1;
    }

    /**
     * The lookahead of {@link #BEFORE_ADDRESS} at p: " of", " at", " from", "," or nothing, a space, perhaps
     * "Flat 2, ", then a house number ({@code \d{1,4}[A-Za-z]?,? }) and a capitalised word.
     */
    private static boolean houseNumberAfter(String text, int p) {
        int n = text.length();
        for (String joint : BEFORE_NUMBER) {
            int space = p + joint.length();
            if (space >= n || !startsWith(text, p, joint) || text.charAt(space) != ' ') {
                continue;
            }
            int at = space + 1;
            if (text.startsWith("Flat ", at)) {
                int flat = StreetAddressRecogniser.houseNumber(text, at + "Flat ".length(), n);
                if (flat >= 0 && numberThenCapitalised(text, flat)) {
                    return true;
                }
            }
            if (numberThenCapitalised(text, at)) {
                return true;
            }
        }
        return false;
    }

    /** A house number at x, then a capital and a small letter. */
    private static boolean numberThenCapitalised(String text, int x) {
        int after = StreetAddressRecogniser.houseNumber(text, x, text.length());
        return after >= 0 && after + 1 < text.length() && isCapital(text.charAt(after))
                && text.charAt(after + 1) >= 'a' && text.charAt(after + 1) <= 'z';
    }

    /** After {@code [A-Z]\.? } at x; -1 when no initial is there. */
    private static int initialThenSpace(String text, int x, int to) {
        if (x >= to || !isCapital(text.charAt(x))) {
            return -1;
        }
        if (x + 2 < to && text.charAt(x + 1) == '.' && text.charAt(x + 2) == ' ') {
            return x + 3;
        }
        return x + 1 < to && text.charAt(x + 1) == ' ' ? x + 2 : -1;
    }

    /** After a {@link #WORD} and a space at x; -1 when none is there. Only the longest word can have the space. */
    private static int wordThenSpace(String text, int x, int to) {
        int end = longestWord(text, x, to);
        return end >= 0 && end < to && text.charAt(end) == ' ' ? end + 1 : -1;
    }

    /**
     * The end of a {@link #WORD} at x that ends a word ({@code \b}, the next character seen as it is): the
     * longest, or else the word without its joined part (the joiner after it is no word character).
     */
    private static int lastWordEnd(String text, int x, int to) {
        int longest = longestWord(text, x, to);
        if (longest < 0) {
            return -1;
        }
        if (!WordBoundary.wordGoesOn(text, longest)) {
            return longest;
        }
        int base = lowerRun(text, x + 1, to);
        return base < longest && !WordBoundary.wordGoesOn(text, base) ? base : -1;
    }

    /** The end of the longest {@link #WORD} at x within [x, to): {@code [A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?}. */
    private static int longestWord(String text, int x, int to) {
        if (x < 0 || x >= to || !isCapital(text.charAt(x))) {
            return -1;
        }
        int base = lowerRun(text, x + 1, to);
        if (base == x + 1) {
            return -1;
        }
        if (base < to && isJoiner(text.charAt(base))) {
            int from = base + 1;
            int withCapital = from < to && isCapital(text.charAt(from)) ? lowerRun(text, from + 1, to) : from + 1;
            if (withCapital > from + 1) {
                return withCapital;
            }
            int plain = lowerRun(text, from, to);
            if (plain > from) {
                return plain;
            }
        }
        return base;
    }

    /** Where the run of a-z letters from {@code i}, within [i, to), ends. */
    private static int lowerRun(String text, int i, int to) {
        for (; i < to; i++) {
            char ch = text.charAt(i);
            if (ch < 'a' || ch > 'z') {
                break;
            }
        }
        return i;
    }

    /** A cell shaped like a name with at least one word from the name lists, or with a title. */
    @Override
    public boolean isValue(String cell) {
        if (!hasNameShape(cell)) {
            return false;
        }
        String value = cell.strip();
        if (TITLED.pattern().matcher(value).lookingAt()) {
            return true;
        }
        return knownWords(value) > 0;
    }

    /** Shape only: one to four alphabetic words, capitalised or upper case, no digits or street words. */
    boolean hasNameShape(String cell) {
        if (cell == null) {
            return false;
        }
        String value = cell.strip();
        if (value.isEmpty() || value.length() > 60 || !Character.isUpperCase(value.charAt(0))
                || !onlyNameCharacters(value) || !isNameCell(value)) {
            return false;
        }
        for (int i = nextToken(value, 0); i < value.length(); ) {
            int end = tokenEnd(value, i);
            if (NOT_SURNAME_WORDS.contains(value, i, end)) { // the cell's characters are ASCII or ’, as checked
                return false;
            }
            i = nextToken(value, end);
        }
        return true;
    }

    /**
     * Whether the whole value is what {@link #CELL} matches, decided by hand (every sampled cell of a column of
     * names comes here): words separated by single spaces, the last a name ({@code Smith}, {@code O'Neill}),
     * up to three before it each a capital or small letter and small letters with an optional dot
     * ({@code Mrs}, {@code J.}, {@code van}), four when the first is a title; or {@code SMITH, Jane}.
     */
    static boolean isNameCell(String value) {
        return wordsThenName(value) || surnameCommaNames(value);
    }

    private static boolean wordsThenName(String value) {
        int words = 0;
        int from = 0;
        boolean titled = false;
        while (true) {
            int space = value.indexOf(' ', from);
            if (space < 0) {
                return isLastName(value, from, value.length()) && words <= (titled ? 4 : 3);
            }
            if (!isInitialWord(value, from, space)) {
                return false;
            }
            titled |= words == 0 && isTitle(value, from, space);
            words++;
            from = space + 1;
        }
    }

    /** {@code [A-Za-z][a-z]*\.?}: a word before the last, as CELL takes one. */
    private static boolean isInitialWord(String value, int from, int to) {
        if (to > from && value.charAt(to - 1) == '.') {
            to--;
        }
        if (to <= from || !isAsciiLetter(value.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (value.charAt(i) < 'a' || value.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    /** A title with or without its dot. */
    private static boolean isTitle(String value, int from, int to) {
        if (value.charAt(to - 1) == '.') {
            to--;
        }
        for (String title : TITLE_WORDS) {
            if (title.length() == to - from && value.startsWith(title, from)) {
                return true;
            }
        }
        return false;
    }

    /** {@code [A-Za-z]+(?:['’-][A-Za-z]+)?}: the last word. */
    private static boolean isLastName(String value, int from, int to) {
        int i = from;
        while (i < to && isAsciiLetter(value.charAt(i))) {
            i++;
        }
        if (i == from) {
            return false;
        }
        if (i == to) {
            return true;
        }
        if (!isJoiner(value.charAt(i)) || i + 1 == to) {
            return false;
        }
        for (int k = i + 1; k < to; k++) {
            if (!isAsciiLetter(value.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Z][A-Za-z'’-]+, [A-Z][a-z]+(?: [A-Z][a-z]+)?}: a register's {@code SMITH, Jane}. */
    private static boolean surnameCommaNames(String value) {
        int comma = value.indexOf(',');
        if (comma < 2 || comma + 2 >= value.length() || value.charAt(comma + 1) != ' '
                || !isCapital(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < comma; i++) {
            char ch = value.charAt(i);
            if (!isAsciiLetter(ch) && !isJoiner(ch)) {
                return false;
            }
        }
        int space = value.indexOf(' ', comma + 2);
        return isCapitalised(value, comma + 2, space < 0 ? value.length() : space)
                && (space < 0 || isCapitalised(value, space + 1, value.length()));
    }

    /** {@code [A-Z][a-z]+}. */
    private static boolean isCapitalised(String value, int from, int to) {
        if (to - from < 2 || !isCapital(value.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (value.charAt(i) < 'a' || value.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }

    /**
     * The words of a cell are its runs of letters, apostrophes and hyphens ({@code [A-Za-z'’-]+}), walked by
     * hand: every sampled cell of every column is asked whether it is a name.
     */
    private static boolean isTokenChar(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '\'' || ch == '’' || ch == '-';
    }

    /** Where the next word starts at or after i; the value's length when none does. */
    static int nextToken(String value, int i) {
        while (i < value.length() && !isTokenChar(value.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where the word that starts at i ends. */
    static int tokenEnd(String value, int i) {
        while (i < value.length() && isTokenChar(value.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Whether every character is one {@link #CELL} can match (ASCII letters, spaces, dots, commas, hyphens,
     * apostrophes): checked by hand first, so a column of numbers, postcodes or e-mails is told apart from
     * names without the regex.
     */
    private static boolean onlyNameCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == ' ' || ch == '.' || ch == ','
                    || ch == '-' || ch == '\'' || ch == '’')) {
                return false;
            }
        }
        return true;
    }

    /** Shape of a full name: two or three capitalised words, none a street, place or organisation word. */
    boolean hasFullNameShape(String cell) {
        return cell != null && hasFullNameWords(cell) && hasNameShape(cell);
    }

    /** Two or three capitalised words, and nothing else: the half of {@link #hasFullNameShape} beyond shape. */
    boolean hasFullNameWords(String cell) {
        // By hand, as FULL_NAME_CELL matches: each word the longest WORD from where it starts (wordEnd), one
        // space between them; RecognisersTest compares the two.
        String value = cell.strip();
        int words = 0;
        for (int i = 0; ; ) {
            int end = value.isEmpty() ? -1 : wordEnd(value, i);
            if (end < 0) {
                return false;
            }
            words++;
            if (end == value.length()) {
                return words >= 2 && words <= 3;
            }
            if (value.charAt(end) != ' ' || end + 1 == value.length()) {
                return false;
            }
            i = end + 1;
        }
    }

    /** How many words of the value are in the name lists. */
    int knownWords(String value) {
        int known = 0;
        for (int i = nextToken(value, 0); i < value.length(); ) {
            int end = tokenEnd(value, i);
            if (NameLists.isKnown(value.substring(i, end))) {
                known++;
            }
            i = nextToken(value, end);
        }
        return known;
    }
}
