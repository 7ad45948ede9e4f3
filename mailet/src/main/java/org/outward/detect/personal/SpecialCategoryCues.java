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
        // "VI: LD" is a canvass export's VI column written out on a line of a pasted list.
        CUES.put(SpecialCategory.POLITICAL_OPINION, cue("(?i)\\b(?:voting intention|bwriad pleidleisio|will vote"
                + "|would vote|vi:? (?:" + parties + "|pc|grn|ref|undecided|against)"
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

    /**
     * The categories with a cue and their patterns, in the map's order, as arrays: the windows of every record
     * of a text are asked about them, where iterating the map made an iterator and an entry per category.
     */
    private static final SpecialCategory[] CUED = CUES.keySet().toArray(new SpecialCategory[0]);
    private static final WordStarts[] CUE_PATTERNS = CUES.values().toArray(new WordStarts[0]);

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
                    && cue.getValue().matches(text).find()) {
                found.add(cue.getKey());
            }
        }
    }

    /**
     * The cues of one text, for the windows around its records: each category's matches are found once in
     * the whole text, and a window holds those that reach into it ({@link WindowSearch}); the windows of a
     * pasted list's records overlap, a few hundred characters each.
     */
    static final class InText {

        private final ScannedText text;
        /** Each cued category's search of the text; made when a window first asks for that category. */
        private final WindowSearch[] searches = new WindowSearch[CUED.length];

        InText(ScannedText text) {
            this.text = text;
        }

        /** Adds the categories not found yet whose cues the window [from, to) of the text holds. */
        void addTo(Set<SpecialCategory> found, int from, int to) {
            for (int c = 0; c < CUED.length; c++) {
                SpecialCategory category = CUED[c];
                if (found.contains(category)) {
                    continue;
                }
                WindowSearch search = searches[c];
                if (search == null) {
                    search = new WindowSearch(CUE_PATTERNS[c], text);
                    searches[c] = search;
                }
                if (search.overlaps(from, to)) {
                    found.add(category);
                }
            }
        }
    }

    /** The cue patterns, for tests. */
    static java.util.Collection<WordStarts> patterns() {
        return CUES.values();
    }

    /** The cue pattern of each category, for tests. */
    static Map<SpecialCategory, WordStarts> byCategory() {
        return java.util.Collections.unmodifiableMap(CUES);
    }

    /** Whether a cell value is a canvass or voting-intention code. */
    static boolean isCanvassCode(String cell) {
        return cell != null && CANVASS_CODES.contains(cell.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
