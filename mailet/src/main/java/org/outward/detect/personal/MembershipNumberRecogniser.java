package org.outward.detect.personal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Party membership numbers: 5-10 digits, perhaps after a short letter prefix. Any number looks like that, so
 * only a membership word right next to it (or a membership column header) makes it one.
 */
final class MembershipNumberRecogniser extends PatternRecogniser {

    private static final Pattern SHAPE = Pattern.compile("\\b[A-Z]{0,3}\\d{5,10}\\b");

    MembershipNumberRecogniser() {
        super(DataKind.MEMBERSHIP_NUMBER, SHAPE,
                List.of("membership number", "membership no", "member number", "member no", "member id",
                        "membership id", "mem no"), true, 30, 0.6);
    }

    @Override
    int minDigits() {
        return 5;
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
        return 3;
    }
}
