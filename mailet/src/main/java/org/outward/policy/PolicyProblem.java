package org.outward.policy;

import java.util.Objects;

/**
 * One thing wrong with a policy file, with where it is.
 *
 * @param file    the policy file as the admin named it
 * @param line    1-based line, 0 if the problem has no position (an unreadable file)
 * @param column  1-based column, 0 if unknown
 * @param message a sentence saying what is wrong and, where it can, what would be right
 */
public record PolicyProblem(String file, int line, int column, String message) {

    public PolicyProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: message}, the form editors and compilers use, so tools can jump to it. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
    }
}
