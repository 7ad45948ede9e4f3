package org.outward.detect.personal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The recognisers detection uses, in one place (as Presidio's registry composes its recognisers). Order
 * matters for classifying a column by its contents: the more distinctive shapes come first, so a column of
 * mod-11 NHS numbers is not taken for phone numbers.
 */
public final class RecogniserRegistry {

    private final List<Recogniser> all;
    private final Map<DataKind, Recogniser> byKind = new EnumMap<>(DataKind.class);

    public RecogniserRegistry(List<Recogniser> recognisers) {
        this.all = List.copyOf(recognisers);
        for (Recogniser r : all) {
            byKind.putIfAbsent(r.kind(), r);
        }
    }

    /** Every recogniser this package has. */
    public static RecogniserRegistry standard() {
        return new RecogniserRegistry(List.of(new EmailRecogniser(), new NationalInsuranceRecogniser(),
                new NhsNumberRecogniser(), new PaymentCardRecogniser(), new PostcodeRecogniser(),
                new PhoneRecogniser(), new BankAccountRecogniser(), new DateOfBirthRecogniser(),
                new ElectorNumberRecogniser(), new MembershipNumberRecogniser(), new StreetAddressRecogniser(),
                new PersonNameRecogniser()));
    }

    public List<Recogniser> all() {
        return all;
    }

    public Recogniser get(DataKind kind) {
        Recogniser r = byKind.get(kind);
        if (r == null) {
            throw new IllegalArgumentException("no recogniser for " + kind);
        }
        return r;
    }
}
