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

    @Override
    boolean validate(String candidate) {
        return true;
    }

    @Override
    public boolean columnIsContext() {
        return false;
    }

    @Override
    int digitAnchor() {
        return 0;
    }
}
