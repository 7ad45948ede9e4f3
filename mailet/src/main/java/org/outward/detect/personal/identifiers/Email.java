package org.outward.detect.personal.identifiers;

import java.util.List;
import java.util.regex.Pattern;
import org.outward.detect.personal.DataKind;
import org.outward.detect.personal.EmailShape;
import org.outward.detect.personal.IdentifierDeclaration;

/** E-mail addresses: a bounded local part and a domain with a real-looking top-level label. */
public final class Email {

    public static final IdentifierDeclaration DECLARATION = new IdentifierDeclaration(
            DataKind.EMAIL,
            // Bounded quantifiers and disjoint classes on either side of '@' keep this linear on long text.
            Pattern.compile("\\b[A-Za-z0-9][A-Za-z0-9._%+'-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.){1,6}"
                    + "[A-Za-z]{2,24}\\b"),
            EmailShape::valid,
            List.of(),
            List.of("e ?mail(?: address)?", "email ?addr(?:ess)?", "(?:cyfeiriad )?e ?bost"),
            false, 0, 0.8, new IdentifierDeclaration.Hints(true, false, false, EmailShape.READING, null));

    private Email() {
    }
}
