package org.outward.detect.personal.identifiers;

import java.util.List;
import java.util.regex.Pattern;
import org.outward.detect.personal.CheckDigit;
import org.outward.detect.personal.DataKind;
import org.outward.detect.personal.IdentifierDeclaration;

/**
 * Voter Authority Certificate numbers: the free photo ID for voting that electoral registration officers have
 * issued since 2023 carries an "appropriate identifier" of 20 numbers or letters (Electoral Commission
 * guidance; the exact make-up is not published). Twenty capitals and digits are also a tracking code or a
 * licence key, so a certificate word must be near in text, and a column of them needs its header.
 */
public final class VoterAuthorityCertificate {

    public static final IdentifierDeclaration DECLARATION = new IdentifierDeclaration(
            DataKind.identifier("voter-authority-certificate"),
            Pattern.compile("\\b[A-Z0-9]{20}\\b"),
            CheckDigit.NONE,
            List.of("voter authority certificate", "VAC", "voter ID", "voter card", "electoral identity document"),
            List.of("vac", "vac (?:number|no|id|ref)", "voter authority certificate(?: number| no)?",
                    "voter id(?: number| no)?", "appropriate identifier"),
            true, 100, 0.6, new IdentifierDeclaration.Hints(false, false, true, null, null));

    private VoterAuthorityCertificate() {
    }
}
