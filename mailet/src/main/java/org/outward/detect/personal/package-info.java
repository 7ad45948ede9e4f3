/**
 * Personal-data detection: recognises lists of people the way a party's data officer would.
 *
 * <p>The inspection core hands over each part as {@link org.outward.detect.personal.TextAndTables} (plain
 * text and tables). {@link org.outward.detect.personal.PersonalDataDetector} reads tables by their headers
 * ({@link org.outward.detect.personal.ColumnRole}) and, where headers are missing or meaningless, by their
 * cells; it reads prose for names followed by details, finds tables pasted into text, and finds records in
 * any other layout by the repetition of their shape ({@code RepeatedRecords}:
 * lines or blocks holding a name and the same kinds of details, whatever joins them). Each recogniser
 * (postcode, phone via libphonenumber, e-mail, date of birth, NI, NHS, elector number, membership number,
 * bank details, payment card, name, street address) pairs a pattern with a validator and context words; the
 * {@link org.outward.detect.personal.RecogniserRegistry} composes them.
 *
 * <p>The result, a {@link org.outward.detect.personal.PersonalDataFinding}, counts records about people,
 * names the kinds of data and any special categories (political opinion from voting intention and canvass
 * codes, health, ethnicity, religion, union membership) and carries redacted evidence only. The policy
 * decides with {@link org.outward.detect.personal.PersonalDataThresholds}.
 *
 * <p>Speed comes from doing each piece of work once per text and starting a regex only where it can match:
 * {@code ScannedText} holds a text's word starts, digit runs and lower-cased copy
 * for every recogniser; {@code WordStarts} and {@code Beginnings} tell, from each pattern itself, where a
 * match can begin; {@code WindowSearch} answers many overlapping windows (the cues around each record, the
 * context words around each candidate) from one search of the text: a window holds the text's matches that
 * reach into it. The commonest shapes are read by hand in running text (street addresses and the postcode
 * after them, postcodes, e-mail addresses, titled names and names before an address), each trying the
 * regex's choices in the regex's order; the numbering plan and the header words are read by automata
 * ({@code PlainPattern}). The tests beside each of these compare them with the plain regex they stand in for.
 *
 * <p>Nothing in this package logs, and no exception or {@code toString()} here carries content.
 */
package org.outward.detect.personal;
