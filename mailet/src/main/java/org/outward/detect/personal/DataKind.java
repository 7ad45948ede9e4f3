package org.outward.detect.personal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A kind of personal data, named by the word a policy file and the audit use for it
 * ({@code national-insurance-number}). A value type, not an enum, so that an identifier an admin declares in
 * the policy file is a kind like the built-in ones. Kinds sort in the built-in order below, then by word: a
 * finding lists its kinds in the same order on every run.
 *
 * @param word       the policy-file word: lower-case letters, digits and dashes
 * @param identifier whether a value of this kind points at one person on its own. A row counts as a record
 *                   about a person only when it holds at least one identifier: a postcode or a phone number
 *                   alone could be an office's
 */
public record DataKind(String word, boolean identifier) implements Comparable<DataKind> {

    private static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    public static final DataKind PERSON_NAME = new DataKind("person-name", true);
    public static final DataKind STREET_ADDRESS = new DataKind("street-address", false);
    public static final DataKind POSTCODE = new DataKind("postcode", false);
    public static final DataKind PHONE = new DataKind("phone", false);
    public static final DataKind EMAIL = new DataKind("email", true);
    public static final DataKind DATE_OF_BIRTH = new DataKind("date-of-birth", false);
    public static final DataKind NATIONAL_INSURANCE_NUMBER = new DataKind("national-insurance-number", true);
    public static final DataKind NHS_NUMBER = new DataKind("nhs-number", true);
    /** Polling district + elector number (+ suffix): identifies one entry on the electoral register. */
    public static final DataKind ELECTOR_NUMBER = new DataKind("elector-number", true);
    /** Postal voter, proxy and similar register markers. */
    public static final DataKind ABSENT_VOTER_STATUS = new DataKind("absent-voter-status", false);
    public static final DataKind MEMBERSHIP_NUMBER = new DataKind("membership-number", true);
    public static final DataKind BANK_ACCOUNT = new DataKind("bank-account", false);
    public static final DataKind PAYMENT_CARD = new DataKind("payment-card", true);

    /** The kinds this package knows without a policy, in the order findings list them. */
    private static final List<DataKind> BUILT_IN = List.of(PERSON_NAME, STREET_ADDRESS, POSTCODE, PHONE, EMAIL,
            DATE_OF_BIRTH, NATIONAL_INSURANCE_NUMBER, NHS_NUMBER, ELECTOR_NUMBER, ABSENT_VOTER_STATUS,
            MEMBERSHIP_NUMBER, BANK_ACCOUNT, PAYMENT_CARD);

    public DataKind {
        if (word == null || !WORD.matcher(word).matches()) {
            throw new IllegalArgumentException("a kind's word is lower-case letters, digits and dashes");
        }
    }

    /** A kind that identifies a person on its own, e.g. a party's membership number or a case reference. */
    public static DataKind identifier(String word) {
        return new DataKind(word, true);
    }

    /** The built-in kinds, in their order. */
    public static List<DataKind> builtIn() {
        return BUILT_IN;
    }

    /** The kind as words for people ({@code national insurance number}). */
    public String words() {
        return word.replace('-', ' ');
    }

    @Override
    public int compareTo(DataKind other) {
        int byRank = Integer.compare(rank(), other.rank());
        if (byRank != 0) {
            return byRank;
        }
        int byWord = word.compareTo(other.word);
        return byWord != 0 ? byWord : Boolean.compare(identifier, other.identifier);
    }

    private int rank() {
        for (int i = 0; i < BUILT_IN.size(); i++) {
            if (BUILT_IN.get(i) == this) {
                return i; // the constants themselves, nearly always: sets of kinds are sorted per finding
            }
        }
        int i = BUILT_IN.indexOf(this);
        return i < 0 ? BUILT_IN.size() : i;
    }

    /** Written out, with the identity first: kinds are compared per table cell and per detail. */
    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof DataKind k && identifier == k.identifier && word.equals(k.word);
    }

    @Override
    public int hashCode() {
        return word.hashCode() * 31 + Boolean.hashCode(identifier);
    }

    @Override
    public String toString() {
        return word.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
