package org.outward.detect.personal.identifiers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outward.detect.personal.DataKind;
import org.outward.detect.personal.IdentifierDeclaration;

/**
 * Dates of birth: a real calendar date of someone alive (born 1900 to today), and in running text only with
 * a birth word near it, since dates alone are everywhere in party mail (meetings, deadlines, invoices). A
 * column of dates may be meeting or payment dates: only a birth header makes it personal.
 */
public final class DateOfBirth {

    private static final String MONTHS = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";
    private static final Pattern SHAPE = Pattern.compile("\\b(?:(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})"
            + "|(\\d{4})-(\\d{2})-(\\d{2})"
            + "|(\\d{1,2})(?:st|nd|rd|th)? (" + MONTHS + ") (\\d{4}))\\b");

    public static final IdentifierDeclaration DECLARATION = new IdentifierDeclaration(
            DataKind.DATE_OF_BIRTH, SHAPE, DateOfBirth::realBirthDate,
            List.of("DOB", "D.O.B", "date of birth", "born", "birthday", "birth date", "d/o/b"),
            List.of("dob", "d o b", "date of birth", "birth ?date", "birthday", "born", "dyddiad geni"),
            true, 40, 0.5, IdentifierDeclaration.Hints.column(false, false));

    private DateOfBirth() {
    }

    private static boolean realBirthDate(String candidate) {
        Matcher m = SHAPE.matcher(candidate);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate date;
            if (m.group(1) != null) {
                date = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
            } else if (m.group(4) != null) {
                date = LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6)));
            } else {
                date = LocalDate.of(Integer.parseInt(m.group(9)), month(m.group(8)), Integer.parseInt(m.group(7)));
            }
            return date.getYear() >= 1900 && !date.isAfter(LocalDate.now());
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }

    private static Month month(String name) {
        String three = name.substring(0, 3).toUpperCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.name().startsWith(three)) {
                return month;
            }
        }
        throw new DateTimeException("no month");
    }
}
