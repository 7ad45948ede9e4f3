package org.outward.deploy;

/**
 * The gateway could not start. The message is one line an admin can act on: what went wrong and where.
 * The underlying exception, if any, is kept as the cause for the log, never printed instead of the line.
 */
public final class StartupProblem extends Exception {

    private static final long serialVersionUID = 1L;

    public StartupProblem(String message) {
        super(message);
    }

    public StartupProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
