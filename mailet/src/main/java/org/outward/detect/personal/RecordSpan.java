package org.outward.detect.personal;

/**
 * One record found in running text, whatever its layout: the person's name, the stretch of text the record
 * spans (where special category cues about the person are looked for around) and its details, as a range of
 * the text's details sorted by start. Offsets only, no content.
 *
 * @param nameStart   where the name begins
 * @param nameEnd     where it ends
 * @param nameScore   how sure the name is a name (0 to 1)
 * @param from        where the record begins
 * @param to          where it ends
 * @param firstDetail index of its first detail
 * @param endDetail   index after its last detail
 */
record RecordSpan(int nameStart, int nameEnd, double nameScore, int from, int to, int firstDetail, int endDetail) {
}
