package org.outward.detect.personal;

import java.util.Locale;

/** The kinds of personal data the recognisers know. */
public enum DataKind {
    PERSON_NAME(true),
    STREET_ADDRESS(false),
    POSTCODE(false),
    PHONE(false),
    EMAIL(true),
    DATE_OF_BIRTH(false),
    NATIONAL_INSURANCE_NUMBER(true),
    NHS_NUMBER(true),
    /** Polling district + elector number (+ suffix): identifies one entry on the electoral register. */
    ELECTOR_NUMBER(true),
    /** Postal voter, proxy and similar register markers. */
    ABSENT_VOTER_STATUS(false),
    MEMBERSHIP_NUMBER(true),
    BANK_ACCOUNT(false),
    PAYMENT_CARD(true);

    private final boolean identifier;

    DataKind(boolean identifier) {
        this.identifier = identifier;
    }

    /**
     * Whether a value of this kind points at one person on its own. A row counts as a record about a person
     * only when it holds at least one identifier: a postcode or a phone number alone could be an office's.
     */
    public boolean identifier() {
        return identifier;
    }

    /** The word a policy file and the audit use for this kind, e.g. {@code national-insurance-number}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
