package org.outward.detect.personal;

/**
 * One value a recogniser found in text: where it is and how sure the recogniser is. It holds offsets, not the
 * value, so it can be logged safely.
 *
 * @param kind  what was found
 * @param start start offset in the text searched (inclusive)
 * @param end   end offset (exclusive)
 * @param score confidence from 0 to 1; higher when context words were near
 */
public record Match(DataKind kind, int start, int end, double score) {
}
