/**
 * Personal-data detection: recognises lists of people the way a party's data officer would.
 *
 * <p>The inspection core hands over each part as {@link org.outward.detect.personal.TextAndTables} (plain
 * text and tables). {@link org.outward.detect.personal.PersonalDataDetector} reads tables by their headers
 * ({@link org.outward.detect.personal.ColumnRole}) and, where headers are missing or meaningless, by their
 * cells; a header naming a reference to a thing ({@code booking_ref}, {@code Job No.}, {@code SKU}:
 * {@link org.outward.detect.personal.ReferenceHeader}) wins over cells shaped like elector numbers. It reads prose for names followed by details, finds tables pasted into text, and finds records in
 * any other layout by the repetition of their shape ({@code RepeatedRecords}:
 * lines or blocks holding a name and the same kinds of details, whatever joins them).
 *
 * <p>Each pattern identifier (postcode, e-mail, date of birth, NI, NHS, elector number, membership number,
 * bank details, payment card, Voter Authority Certificate) is one
 * {@link org.outward.detect.personal.IdentifierDeclaration} file in
 * {@code org.outward.detect.personal.identifiers}: its kind, shape, validator ({@link
 * org.outward.detect.personal.CheckDigit} or its own rules), context words, column header words and score, as
 * Presidio's pattern recognisers and Purview's sensitive information types declare theirs. The
 * {@link org.outward.detect.personal.RecogniserRegistry} finds every file there, so adding an identifier is
 * adding its file (and its test); {@code with(...)} adds an installation's own declarations after them, whose
 * header words name columns like the built-in ones. Phone numbers (by the numbering plan), street addresses
 * and names are no patterns and stay hand-written recognisers the registry composes.
 *
 * <p>The result, a {@link org.outward.detect.personal.PersonalDataFinding}, counts records about people,
 * names the kinds of data and any special categories (political opinion from voting intention and canvass
 * codes, health, ethnicity, religion, union membership) and carries redacted evidence only. The policy
 * decides with {@link org.outward.detect.personal.PersonalDataThresholds}.
 *
 * <p>Speed comes from compiling the declarations into one scanning plan that does each piece of work once per
 * text and starts a regex only where it can match: {@code ScannedText} holds a text's word starts, digit runs
 * and lower-cased copy for every recogniser; what each declaration needs of them (how far before a run of
 * digits a value can begin, how many digits it holds, a character every value holds, what a value's first
 * characters can be) is worked out from its shape's automaton ({@code ShapeFacts}); {@code WordStarts} and
 * {@code Beginnings} tell, from each pattern itself, where a match can begin; {@code WindowSearch} answers many
 * overlapping windows (the cues around each record, the context words around each candidate) from one search
 * of the text. The commonest shapes are read by hand in running text (street addresses and the postcode after
 * them, postcodes, e-mail addresses, titled names and names before an address), each trying the regex's
 * choices in the regex's order; the numbering plan and the header words are read by automata
 * ({@code PlainPattern}), and a table cell is tried as a declared identifier by its whole shape's automaton
 * ({@code CellShape}), the regex deciding only where that reading is not exact. The tests beside each of
 * these compare them with the plain regex they stand in for.
 *
 * <p>Nothing in this package logs, and no exception or {@code toString()} here carries content.
 */
package org.outward.detect.personal;
