package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a stretch of text holds two to four capitalised words standing as a name stands ({@code Ffion
 * Okafor}, {@code Mrs Gwen ap Rhys}, {@code Siobhan O'Sullivan-Reid}), whether or not the name lists know
 * them. On its own such a phrase proves nothing (headings, venues and organisations look the same); it is
 * taken as a name only where repetition vouches for it: {@link RepeatedRecords} asks it for the name in each
 * of many units of the same shape. Words that name streets, places, organisations or things (in English
 * and Welsh) end a phrase, so "Heol y Bryn", "Citizens Advice" or "Ffordd Las" are never names.
 */
final class NamePhrases {

    /** Most names have two or three words; a middle name or a title makes four. Longer runs are headings. */
    private static final int MOST_WORDS = 4;

    /** Lower-case words inside a name: Welsh, Irish, Dutch, French, Italian, Portuguese and Arabic particles. */
    private static final LowerCaseWords PARTICLES = new LowerCaseWords(List.of("ap", "ab", "ferch", "de", "da",
            "di", "van", "von", "der", "den", "le", "la", "du", "dos", "bin", "binti", "al", "el", "mac", "ni", "nic"));

    /**
     * Capitalised words that are not part of a person's name: streets (English and Welsh), organisations,
     * buildings, places and list headers. {@link PersonNameRecogniser#notSurname} adds the words it already
     * knows never follow a given name as a surname.
     */
    private static final LowerCaseWords NOT_NAME = new LowerCaseWords(words());
    /** {@link #NOT_NAME} and the words that are no surname, in one set: each capitalised word is asked once. */
    private static final LowerCaseWords NOT_NAME_OR_SURNAME = new LowerCaseWords(
            Stream.concat(words().stream(), PersonNameRecogniser.NOT_SURNAMES.stream()).distinct()
                    .toList());

    private NamePhrases() {
    }

    private static List<String> words() {
        List<String> words = new ArrayList<>();
        for (String street : StreetAddressRecogniser.STREET_WORDS.split("\\|")) {
            words.add(street.replace("?", "").toLowerCase(java.util.Locale.ROOT));
        }
        words.addAll(List.of(
                // Welsh street words and places
                "heol", "ffordd", "stryd", "lôn", "lon", "rhodfa", "cilgant", "maes", "teras", "rhes", "clos",
                "cwrt", "llwybr", "parc", "sgwâr", "ffordd", "pentref", "tref", "dinas", "cymru", "wales",
                "england", "scotland", "britain", "ireland", "county", "borough", "district", "shire",
                // organisations and buildings, English and Welsh
                "council", "cyngor", "office", "swyddfa", "services", "service", "advice", "centre", "canolfan",
                "neuadd", "llyfrgell", "ltd", "llp", "cic", "inc", "society", "association", "cymdeithas",
                "ysgol", "coleg", "prifysgol", "ysbyty", "practice", "police", "heddlu", "fire", "ambulance",
                "nhs", "mail", "bank", "eglwys", "capel", "hotel", "inn", "shop", "store", "cafe", "company",
                "agency", "department", "unit", "station", "gorsaf", "bookings", "enquiries", "helpline",
                "support", "reception", "regional", "national", "royal", "association", "federation",
                "union", "institute", "museum", "theatre", "cinema", "pub", "arms",
                // list headers and words around a list
                "name", "names", "enw", "address", "cyfeiriad", "postcode", "phone", "ffôn", "ffon", "tel",
                "mobile", "email", "e-bost", "contact", "contacts", "cysylltu", "dear", "hi", "hello", "helo",
                "regards", "best", "thanks", "diolch", "cofion", "yours", "sincerely", "please", "note"));
        return words.stream().distinct().toList();
    }

    /**
     * The first name-shaped phrase in {@code text[from, to)}, as {@code {start, end}}, or null. A phrase is a run
     * of capitalised words (a capital then at least one small letter; apostrophes, hyphens and inner capitals
     * as in O'Sullivan, Campbell-Reid, McAllister) joined by single spaces, with particles inside; a word that
     * is not a name splits the run, and a part of two to {@value #MOST_WORDS} words is the phrase.
     */
    static int[] first(String text, int from, int to) {
        int i = from;
        while (i < to) {
            if (!isWordStart(text, i)) {
                i++;
                continue;
            }
            long run = run(text, i, to);
            if (run >= 0) {
                return new int[] {(int) (run >>> 32), (int) run};
            }
            i = (int) ~run; // after this word, or after a heading's whole run
        }
        return null;
    }

    /**
     * The phrase that begins with the word at i, stopping at the first word that is not a name, as
     * {@code start << 32 | end}; or the complement of where to look on from. Every word of every line a record
     * finder reads comes here, so the answer is two ints in a long and the first word is measured once.
     */
    private static long run(String text, int i, int to) {
        int start = i;
        int end = -1;
        int words = 0;
        int at = i;
        int firstEnd = -1;
        while (true) {
            int wordEnd = wordEnd(text, at, to);
            if (firstEnd < 0) {
                firstEnd = wordEnd;
            }
            boolean capital = Character.isUpperCase(text.charAt(at));
            if (capital ? notName(text, at, wordEnd) || !hasSmallLetter(text, at, wordEnd)
                    : !PARTICLES.contains(text, at, wordEnd)) {
                break;
            }
            if (capital) {
                words++;
                end = wordEnd;
            }
            if (wordEnd + 1 >= to || text.charAt(wordEnd) != ' ' || !Character.isLetter(text.charAt(wordEnd + 1))) {
                break;
            }
            at = wordEnd + 1;
        }
        if (words > MOST_WORDS) {
            return ~end; // a heading or a title: no name inside it either
        }
        if (words < 2 || !wordBoundaryAt(text, end)) {
            return ~firstEnd;
        }
        return (long) start << 32 | end;
    }

    private static boolean notName(String text, int from, int to) {
        if (NOT_NAME_OR_SURNAME.contains(text, from, to)) {
            return true;
        }
        int apostrophe = apostrophe(text, from, to);
        return apostrophe > from && NOT_NAME.contains(text, from, apostrophe); // Rhodfa'r, Stryd's
    }

    private static int apostrophe(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '\'' || c == '’') {
                return k;
            }
        }
        return -1;
    }

    private static boolean hasSmallLetter(String text, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (Character.isLowerCase(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordStart(String text, int i) {
        return Character.isLetter(text.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))
                && text.charAt(i - 1) != '\'' && text.charAt(i - 1) != '’' && text.charAt(i - 1) != '@'
                && text.charAt(i - 1) != '.');
    }

    /** Where the word at i ends: letters, with an apostrophe or hyphen between letters. */
    private static int wordEnd(String text, int i, int to) {
        int k = i;
        while (k < to) {
            char c = text.charAt(k);
            if (isLetter(c)) {
                k++;
            } else if ((c == '\'' || c == '’' || c == '-') && k + 1 < to && Character.isLetter(text.charAt(k + 1))) {
                k++;
            } else {
                break;
            }
        }
        return k;
    }

    /** {@link Character#isLetter}, answered without the lookup for ASCII, of which most mail is made. */
    private static boolean isLetter(char c) {
        if (c >= 128) {
            return Character.isLetter(c);
        }
        int small = c | 0x20; // A-Z onto a-z; nothing else of ASCII lands there
        return small >= 'a' && small <= 'z';
    }

    /** A name ends where no letter, digit or e-mail character follows (not "Jones@..." nor "Jones.com"). */
    private static boolean wordBoundaryAt(String text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char c = text.charAt(end);
        return !Character.isLetterOrDigit(c) && c != '@' && c != '_'
                && !(c == '.' && end + 1 < text.length() && Character.isLetter(text.charAt(end + 1)));
    }
}
