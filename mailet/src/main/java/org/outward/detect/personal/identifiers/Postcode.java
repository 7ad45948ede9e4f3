package org.outward.detect.personal.identifiers;

import java.util.List;
import java.util.regex.Pattern;
import org.outward.detect.personal.DataKind;
import org.outward.detect.personal.IdentifierDeclaration;
import org.outward.detect.personal.PostcodeShape;

/**
 * UK postcodes, checked against Royal Mail's format rules and the postcode areas in use. Capitals only in
 * running text: a lower-case look-alike in prose is far more often a reference code than an address; a table
 * cell is read in capitals.
 */
public final class Postcode {

    public static final IdentifierDeclaration DECLARATION = new IdentifierDeclaration(
            DataKind.POSTCODE,
            // Outward: area (1-2 letters), district digit, then an optional digit or letter; inward: digit + 2 letters.
            Pattern.compile("\\b([A-Z]{1,2})([0-9])([0-9A-Z]?) ?([0-9])([A-Z]{2})\\b"),
            PostcodeShape::valid,
            List.of("postcode", "post code", "address"),
            List.of("post ?code", "pcode", "postal code", "zip", "c(?:o| )d ?post"),
            false, 80, 0.5, new IdentifierDeclaration.Hints(true, false, true, PostcodeShape.READING, null));

    private Postcode() {
    }
}
