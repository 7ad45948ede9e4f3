package org.outward.detect.personal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words and codes that reveal special category data when they are written about a person: a canvass note
 * "strong Lib Dem", a casework note "registered disabled", "member of Unison". The cues alone prove nothing
 * (a motion may discuss health data); callers apply them only to text that is about identified people.
 */
final class SpecialCategoryCues {

    private static final Map<SpecialCategory, WordStarts> CUES = new EnumMap<>(SpecialCategory.class);

    static {
        String parties = "lib dems?|libdems?|ld|labour|lab|conservatives?|con|tory|tories|greens?|reform|snp|plaid";
        CUES.put(SpecialCategory.POLITICAL_OPINION, cue("(?i)\\b(?:voting intention|will vote|would vote"
                + "|intends to vote|votes? (?:" + parties + ")|(?:strong|firm|soft|weak|leaning|definite|probable)"
                + " (?:" + parties + ")|(?:" + parties + ") (?:supporter|voter|leaning|squeeze)|undecided voter"
                + "|won't vote|against us|poster site|supports? (?:us|the lib dems|labour|the conservatives))\\b"));
        CUES.put(SpecialCategory.HEALTH, cue("(?i)\\b(?:disabled|disability|wheelchair|dementia"
                + "|alzheimer'?s|cancer|diabetes|diabetic|mental health|depression|anxiety|terminally ill"
                + "|hospitali[sz]ed|in hospital|chemotherapy|dialysis|partially sighted|blind|deaf|housebound"
                + "|stroke|epilepsy|PIP|medical condition|long-term illness|carer's allowance|care home)\\b"));
        CUES.put(SpecialCategory.ETHNICITY, cue("(?i)\\b(?:ethnicity|ethnic (?:origin|background|group)"
                + "|BAME|black british|british asian|white british|mixed race|gypsy|traveller community)\\b"));
        CUES.put(SpecialCategory.RELIGION, cue("(?i)\\b(?:religion|religious belief|muslim|christian"
                + "|jewish|hindu|sikh|buddhist|catholic|anglican|attends (?:church|mosque|synagogue|temple"
                + "|gurdwara))\\b"));
        CUES.put(SpecialCategory.TRADE_UNION_MEMBERSHIP, cue("(?i)\\b(?:trade union member"
                + "|union member(?:ship)?|member of (?:unison|unite|gmb|rmt|neu|ucu|pcs|cwu|usdaw|a union)"
                + "|unison rep|union rep|shop steward)\\b"));
    }

    private static WordStarts cue(String regex) {
        return new WordStarts(Pattern.compile(regex));
    }

    /** Canvass codes as canvass tools and paper sheets record them, in a column with no telling header. */
    private static final Set<String> CANVASS_CODES = Set.of("ld", "l", "lab", "c", "con", "g", "grn", "ref",
            "snp", "pc", "ukip", "ind", "x", "d", "a", "u", "s", "w", "n", "lib dem", "labour", "conservative",
            "green", "reform", "against", "undecided", "won't say", "wont say", "not voting", "soft ld",
            "strong ld", "firm ld", "soft lab", "soft con", "squeeze");

    private SpecialCategoryCues() {
    }

    /**
     * Adds the categories whose cues appear in the text, looking only for those not found yet: the windows
     * around the records of a list overlap, and a canvass list says "strong Lab" on every line.
     */
    static void addTo(Set<SpecialCategory> found, ScannedText text) {
        for (Map.Entry<SpecialCategory, WordStarts> cue : CUES.entrySet()) {
            if (!found.contains(cue.getKey())
                    && cue.getValue().find(cue.getValue().pattern().matcher(text.text()), text, 0)) {
                found.add(cue.getKey());
            }
        }
    }

    /**
     * The cues of one text, for the windows around its records: each category's matches are found once in
     * the whole text, and a window is answered from them, instead of each window being searched again (the
     * windows of a pasted list's records overlap, each a few hundred characters). A window holds a cue as
     * the window searched on its own would, edges included: a match of the whole text that fits in the
     * window is one of the window's; a cue attempt that starts further than its {@link WordStarts#reach()}
     * from the window's end reads nothing outside it, so ends as in the whole text; only attempts at the
     * window's first character and near its end are made again, within the window.
     */
    static final class InText {

        private final ScannedText text;
        /** For each category, the starts and ends of its matches in the whole text; null until needed. */
        private final Map<SpecialCategory, int[][]> matches = new EnumMap<>(SpecialCategory.class);

        InText(ScannedText text) {
            this.text = text;
        }

        /** Adds the categories not found yet whose cues the window [from, to) of the text holds. */
        void addTo(Set<SpecialCategory> found, int from, int to) {
            for (Map.Entry<SpecialCategory, WordStarts> cue : CUES.entrySet()) {
                if (found.contains(cue.getKey())) {
                    continue;
                }
                WordStarts starts = cue.getValue();
                boolean in = starts.reach() < 0
                        ? starts.find(starts.pattern().matcher(text.text()), text.slice(from, to), 0)
                        : fits(matches(cue.getKey(), starts), from, to) || atEdges(starts, from, to);
                if (in) {
                    found.add(cue.getKey());
                }
            }
        }

        private int[][] matches(SpecialCategory category, WordStarts starts) {
            return matches.computeIfAbsent(category, c -> {
                String s = text.text();
                java.util.regex.Matcher m = starts.pattern().matcher(s);
                int[] begin = new int[8];
                int[] end = new int[8];
                int n = 0;
                for (int w = 0; w < text.words(); w++) {
                    int i = text.wordStart(w);
                    if (starts.mayMatchAt(s, i)) {
                        m.region(i, s.length());
                        if (m.lookingAt()) {
                            if (n == begin.length) {
                                begin = java.util.Arrays.copyOf(begin, n * 2);
                                end = java.util.Arrays.copyOf(end, n * 2);
                            }
                            begin[n] = i;
                            end[n++] = m.end();
                        }
                    }
                }
                return new int[][] {java.util.Arrays.copyOf(begin, n), java.util.Arrays.copyOf(end, n)};
            });
        }

        /** Whether a match of the whole text lies within [from, to). */
        private static boolean fits(int[][] matches, int from, int to) {
            int[] begin = matches[0];
            int k = java.util.Arrays.binarySearch(begin, from);
            for (k = k >= 0 ? k : -k - 1; k < begin.length && begin[k] < to; k++) {
                if (matches[1][k] <= to) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether the window, searched on its own, has a match at its first character or at a word start
         * close enough to its end that the attempt could read past it: there the whole text's answer may
         * differ, so the attempt is made again, bounded by the window as a search of the window alone is.
         */
        private boolean atEdges(WordStarts starts, int from, int to) {
            String s = text.text();
            java.util.regex.Matcher m = starts.pattern().matcher(s);
            m.useTransparentBounds(false);
            m.useAnchoringBounds(true);
            if (from < to && WordStarts.isWordChar(s.charAt(from)) && attempt(starts, m, from, to)) {
                return true;
            }
            for (int w = text.firstWordAtOrAfter(Math.max(from + 1, to - starts.reach())); w < text.words()
                    && text.wordStart(w) < to; w++) {
                if (attempt(starts, m, text.wordStart(w), to)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * One attempt at i within [i, to). The hand-written tests look at a few characters only: when those
         * are all inside the window they answer as they would in the window alone, and spare the regex.
         */
        private boolean attempt(WordStarts starts, java.util.regex.Matcher m, int i, int to) {
            if (i + WordStarts.LOOK < to && !starts.mayMatchAt(text.text(), i)) {
                return false;
            }
            m.region(i, to);
            return m.lookingAt();
        }
    }

    /** The cue patterns, for tests. */
    static java.util.Collection<WordStarts> patterns() {
        return CUES.values();
    }

    /** Whether a cell value is a canvass or voting-intention code. */
    static boolean isCanvassCode(String cell) {
        return cell != null && CANVASS_CODES.contains(cell.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
