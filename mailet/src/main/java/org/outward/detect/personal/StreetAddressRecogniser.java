package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses: a house number (or flat), one to three capitalised words and a street word. In running
 * text the score stays low unless a valid postcode follows within a line's length: a house number and a
 * street alone are as likely a venue or a delivery round.
 */
final class StreetAddressRecogniser extends PatternRecogniser {

    static final String STREET_WORDS = "Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Ct"
            + "|Crescent|Cres|Place|Pl|Gardens|Gdns|Grove|Terrace|Hill|Park|Square|Sq|Walk|Rise|Row|Mews|View"
            + "|Green|Parade|Vale|Meadows?|Fields|Croft|Wharf|Gate|Chase|Brow|Wynd|Loan|Bank|End";
    private static final Pattern SHAPE = Pattern.compile(
            "\\b(?:(?:Flat|Apartment|Apt|Unit) \\d{1,4}[A-Za-z]?,? )?\\d{1,4}[A-Za-z]?,? (?:[A-Z][A-Za-z'’-]{1,20} ){1,3}"
            + "(?:" + STREET_WORDS + ")\\b");
    private static final Pattern POSTCODE_AFTER = Pattern.compile("\\b[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}\\b");

    StreetAddressRecogniser() {
        super(DataKind.STREET_ADDRESS, SHAPE, List.of("address", "lives at", "resident"), false, 60, 0.4);
    }

    @Override
    public List<Match> find(ScannedText scanned) {
        List<Match> found = super.find(scanned);
        if (found.isEmpty()) {
            return found;
        }
        String text = scanned.text();
        Matcher postcode = POSTCODE_AFTER.matcher(text);
        List<Match> scored = new ArrayList<>(found.size());
        for (Match m : found) {
            boolean after = postcode.region(m.end(), Math.min(text.length(), m.end() + 80)).find();
            scored.add(after ? new Match(m.kind(), m.start(), m.end(), Math.min(1.0, m.score() + 0.4)) : m);
        }
        return scored;
    }

    /**
     * A house number (one to four digits, a letter, a comma) then a space and a capital, or a flat's word:
     * most numbers in party mail are dates, times, amounts and counts, and fail here before the regex.
     */
    @Override
    boolean mayBeginAt(String text, int i) {
        char first = text.charAt(i);
        if (first < '0' || first > '9') {
            return first == 'F' || first == 'A' || first == 'U'; // Flat, Apartment, Apt, Unit
        }
        int n = text.length();
        int at = i;
        while (at < n && at - i < 4 && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at < n && Character.isLetter(text.charAt(at)) && text.charAt(at) < 128) {
            at++;
        }
        if (at < n && text.charAt(at) == ',') {
            at++;
        }
        return at + 1 < n && text.charAt(at) == ' ' && text.charAt(at + 1) >= 'A' && text.charAt(at + 1) <= 'Z';
    }

    @Override
    boolean validate(String candidate) {
        return true;
    }

    @Override
    int digitAnchor() {
        return 10;
    }
}
