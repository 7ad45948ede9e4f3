package org.outward.detect.personal;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * UK phone numbers (and international ones written with +), found and validated by Google's libphonenumber
 * against the numbering plan. Dates, amounts and reference numbers that happen to have ten digits are what a
 * home-made pattern would catch; the plan rejects most, and separators that only dates use reject the rest.
 */
final class PhoneRecogniser implements Recogniser, ScansText {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final UkNumberingPlan UK = UkNumberingPlan.load();
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,4}[/.]\\d{1,2}[/.]\\d{2,4}");
    private static final long MAX_TRIES = 10_000;

    @Override
    public DataKind kind() {
        return DataKind.PHONE;
    }

    /**
     * A hand-written scan finds runs of digits and phone punctuation with 10 to 13 digits, and only those
     * runs are parsed and validated: libphonenumber's own finder runs heavy patterns over every line.
     * Runs with more digits (two numbers side by side) go to the library's finder.
     */
    @Override
    public List<Match> find(String text) {
        return find(new ScannedText(text));
    }

    /**
     * The same search, visiting only the places a number can start: the first digit of each run of digits
     * (found once for all recognisers) and each '+' or '(' (found with {@code indexOf}), instead of every
     * character of the text.
     */
    @Override
    public List<Match> find(ScannedText scanned) {
        String text = scanned.text();
        DigitRuns runs = scanned.digitRuns();
        Candidates candidates = new Candidates();
        int run = 0;
        int plus = text.indexOf('+');
        int paren = text.indexOf('(');
        int i = 0;
        while (true) {
            while (run < runs.size() && runs.start(run) < i) {
                run++;
            }
            if (plus >= 0 && plus < i) {
                plus = text.indexOf('+', i);
            }
            if (paren >= 0 && paren < i) {
                paren = text.indexOf('(', i);
            }
            int next = run < runs.size() ? runs.start(run) : Integer.MAX_VALUE;
            next = plus >= 0 ? Math.min(next, plus) : next;
            next = paren >= 0 ? Math.min(next, paren) : next;
            if (next == Integer.MAX_VALUE) {
                return candidates.found;
            }
            i = next;
            if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
                i++;
                continue;
            }
            i = candidateAt(text, i, candidates);
        }
    }

    /** What one search found, and the verdicts on the runs it has put to the plan. */
    private static final class Candidates {
        final List<Match> found = new ArrayList<>();
        /** A list repeats its office and branch numbers: each distinct run is put to the plan once per text. */
        Map<String, Boolean> verdicts;
    }

    /** Reads the run of phone characters starting at i, keeps the numbers in it; returns where to go on. */
    private int candidateAt(String text, int i, Candidates candidates) {
        int n = text.length();
        int end = i;
        int digits = 0;
        while (end < n && isPhoneChar(text.charAt(end))) {
            if (Character.isDigit(text.charAt(end))) {
                digits++;
            }
            end++;
        }
        while (end > i && !Character.isDigit(text.charAt(end - 1))) {
            end--; // trailing spaces, dashes, dots
        }
        if (digits >= 10 && (end >= n || !Character.isLetter(text.charAt(end)))) {
            String run = text.substring(i, end);
            if (digits <= 13) {
                if (candidates.verdicts == null) {
                    candidates.verdicts = new HashMap<>();
                }
                if (candidates.verdicts.computeIfAbsent(run, this::isValue)) {
                    candidates.found.add(new Match(DataKind.PHONE, i, end, 0.6));
                }
            } else {
                for (PhoneNumberMatch m : PHONES.findNumbers(run, "GB", PhoneNumberUtil.Leniency.VALID, MAX_TRIES)) {
                    if (!DATE_LIKE.matcher(m.rawString()).find()) {
                        candidates.found.add(new Match(DataKind.PHONE, i + m.start(), i + m.end(), 0.6));
                    }
                }
            }
        }
        return Math.max(end, i + 1);
    }

    private static boolean isPhoneChar(char ch) {
        return (ch >= '0' && ch <= '9') || ch == ' ' || ch == '-' || ch == '(' || ch == ')' || ch == '+'
                || ch == '.';
    }

    /**
     * Ten to 24 characters, all digits or phone punctuation: checked by hand before the numbering plan is
     * asked, since table columns put every cell of every column through here.
     */
    private static boolean allowed(String value) {
        if (value.length() < 10 || value.length() > 24) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isPhoneChar(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean isValue(String cell) {
        if (cell == null) {
            return false;
        }
        String value = cell.strip();
        if (!allowed(value) || (value.indexOf('.') >= 0 && DATE_LIKE.matcher(value).find())) {
            return false;
        }
        try {
            String national = nationalDigits(value);
            if (national != null) {
                return UK.isValid(national) || isDrama(national);
            }
            PhoneNumber number = PHONES.parse(value, "GB");
            return PHONES.isValidNumber(number)
                    || number.getCountryCode() == 44 && isDrama(Long.toString(number.getNationalNumber()));
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return false;
        }
    }

    /**
     * Whether the value is written as a number is dialled: its first digit the trunk 0 ({@code 01632 960123},
     * {@code (0161) 496 0000}) or a + before it. The plan alone accepts ten bare digits as a national number
     * without its 0, which is also what a Unix time or a serial number looks like.
     */
    static boolean writtenWithPrefix(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch == '+' || ch == '0') {
                return true;
            }
            if (ch != ' ' && ch != '(') {
                return false;
            }
        }
        return false;
    }

    /**
     * Ofcom's numbers for drama (07700 900xxx, 01632 960xxx, 020 7946 0xxx and the like), as national digits
     * without their last three. They are allocated to nobody, so the plan rejects them; but training lists, test
     * data and examples of a list of people use them, and such a list is still one to stop.
     */
    private static final List<String> DRAMA = List.of("7700900", "1632960", "2079460", "1134960", "1144960",
            "1154960", "1164960", "1174960", "1184960", "1214960", "1314960", "1414960", "1514960", "1614960",
            "1914980", "2890180", "2920180", "8081570", "9098790", "3069990");

    private static boolean isDrama(String national) {
        return national.length() == 10 && DRAMA.contains(national.substring(0, 7));
    }

    /**
     * The number a UK national-format value ({@code 01632 960123}, {@code 07700-900123}: a 0, then a digit
     * other than 0, ten or eleven digits in all, only spaces and dashes between them) stands for, as
     * {@code parse(value, "GB")} gives it: the national prefix 0 dropped, country code 44. Building it here
     * skips the library's parse (normalising, prefix and carrier regexes), the larger half of validating the
     * one number an everyday signature carries. Null for every other shape, which the library parses.
     */
    static PhoneNumber nationalNumber(String value) {
        String digits = nationalDigits(value);
        return digits == null ? null : new PhoneNumber().setCountryCode(44).setNationalNumber(Long.parseLong(digits));
    }

    /**
     * The digits of {@link #nationalNumber} as the plan reads them (the national number in decimal, which has
     * no leading zero, as the digit after the prefix is not 0); null where that is null.
     */
    static String nationalDigits(String value) {
        if (value.isEmpty() || value.charAt(0) != '0') {
            return null;
        }
        char[] nsn = new char[11];
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch >= '0' && ch <= '9') {
                if (digits == 1 && ch == '0') {
                    return null; // 00 is the international prefix
                }
                if (digits == 11) {
                    return null;
                }
                if (digits > 0) {
                    nsn[digits - 1] = ch;
                }
                digits++;
            } else if (ch != ' ' && ch != '-') {
                return null;
            }
        }
        if (digits < 10) {
            return null;
        }
        return new String(nsn, 0, digits - 1);
    }
}
