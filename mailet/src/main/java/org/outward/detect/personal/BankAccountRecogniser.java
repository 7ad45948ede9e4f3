package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bank details: a sort code ({@code 12-34-56}) with an eight-digit account number within a few words of it,
 * or a sort code next to the words "sort code". Cells hold one or the other, so a cell is a sort code.
 */
final class BankAccountRecogniser extends PatternRecogniser {

    private static final Pattern SHAPE = Pattern.compile("\\b\\d{2}[- ]\\d{2}[- ]\\d{2}\\b(?:\\D{1,30}\\b\\d{8}\\b)?");

    BankAccountRecogniser() {
        super(DataKind.BANK_ACCOUNT, SHAPE, List.of("sort code", "account number", "account no", "a/c"), false,
                40, 0.6);
    }

    @Override
    int minDigits() {
        return 6;
    }

    @Override
    public List<Match> find(ScannedText text) {
        // A lone sort-code shape needs the words; with an account number beside it, the pair speaks for itself.
        List<Match> found = super.find(text);
        if (found.isEmpty()) {
            return found;
        }
        List<Match> kept = new ArrayList<>(found.size());
        for (Match m : found) {
            if (m.score() > 0.6 || m.end() - m.start() > 9) {
                kept.add(m);
            }
        }
        return kept;
    }

    /**
     * A sort code's shape at i, checked by hand before the regex: two digits, a dash or space, two digits, a dash
     * or space, two digits. Runs of six digits and more are common in mail (references, phone numbers, amounts);
     * sort codes are not.
     */
    @Override
    boolean mayBeginAt(String text, int i) {
        if (i + 8 > text.length()) {
            return false;
        }
        for (int k = 0; k < 8; k++) {
            char ch = text.charAt(i + k);
            boolean ok = k == 2 || k == 5 ? ch == '-' || ch == ' ' : ch >= '0' && ch <= '9';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    boolean validate(String candidate) {
        return true;
    }

    @Override
    public boolean columnIsContext() {
        return false;
    }

    @Override
    int maxDigits() {
        return 14;
    }

    @Override
    int digitAnchor() {
        return 0;
    }
}
