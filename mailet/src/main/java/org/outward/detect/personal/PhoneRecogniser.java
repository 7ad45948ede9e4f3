package org.outward.detect.personal;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * UK phone numbers (and international ones written with +), found and validated by Google's libphonenumber
 * against the numbering plan. Dates, amounts and reference numbers that happen to have ten digits are what a
 * home-made pattern would catch; the plan rejects most, and separators that only dates use reject the rest.
 */
final class PhoneRecogniser implements Recogniser {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,4}[/.]\\d{1,2}[/.]\\d{2,4}");
    private static final Pattern ALLOWED = Pattern.compile("[+()0-9 .\\-]{10,20}");
    private static final long MAX_TRIES = 10_000;

    @Override
    public DataKind kind() {
        return DataKind.PHONE;
    }

    @Override
    public List<Match> find(String text) {
        // libphonenumber is thorough but not fast; text without a long run of digits cannot hold a number.
        if (!PatternRecogniser.hasDigitRun(text, 9)) {
            return List.of();
        }
        List<Match> found = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int newline = text.indexOf('\n', from);
            int to = newline < 0 ? text.length() : newline;
            String line = text.substring(from, to);
            if (PatternRecogniser.hasDigitRun(line, 9)) {
                for (PhoneNumberMatch m : PHONES.findNumbers(line, "GB", PhoneNumberUtil.Leniency.VALID, MAX_TRIES)) {
                    if (!DATE_LIKE.matcher(m.rawString()).find()) {
                        found.add(new Match(DataKind.PHONE, from + m.start(), from + m.end(), 0.6));
                    }
                }
            }
            from = to + 1;
        }
        return found;
    }

    @Override
    public boolean isValue(String cell) {
        if (cell == null) {
            return false;
        }
        String value = cell.strip();
        if (!ALLOWED.matcher(value).matches() || DATE_LIKE.matcher(value).find()) {
            return false;
        }
        try {
            PhoneNumber number = PHONES.parse(value, "GB");
            return PHONES.isValidNumber(number);
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return false;
        }
    }
}
