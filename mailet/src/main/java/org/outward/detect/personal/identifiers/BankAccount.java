package org.outward.detect.personal.identifiers;

import java.util.List;
import java.util.regex.Pattern;
import org.outward.detect.personal.CheckDigit;
import org.outward.detect.personal.DataKind;
import org.outward.detect.personal.IdentifierDeclaration;

/**
 * Bank details: a sort code ({@code 12-34-56}) with an eight-digit account number within a few words of it,
 * or a sort code next to the words "sort code". Cells hold one or the other, so a cell is a sort code.
 */
public final class BankAccount {

    public static final IdentifierDeclaration DECLARATION = new IdentifierDeclaration(
            DataKind.BANK_ACCOUNT,
            Pattern.compile("\\b\\d{2}[- ]\\d{2}[- ]\\d{2}\\b(?:\\D{1,30}\\b\\d{8}\\b)?"),
            CheckDigit.NONE,
            List.of("sort code", "account number", "account no", "a/c"),
            List.of("sort ?code", "account (?:number|no)", "acc(?:ount)? no", "bank account", "iban"),
            false, 40, 0.6,
            // A lone sort code needs the words; with an account number beside it, the pair speaks for itself.
            new IdentifierDeclaration.Hints(false, true, false, null, value -> value.length() <= "12-34-56".length()));

    private BankAccount() {
    }
}
