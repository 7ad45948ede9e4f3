package org.outward.deploy;

import picocli.CommandLine.Option;

/** The {@code --verbose} option of the admin's tools: their log stays silent without it ({@link CommandLogging}). */
final class Verbosity {

    static final String OPTION = "--verbose";

    @Option(names = OPTION, description = "Also print the gateway's and the libraries' log lines, on standard error.")
    boolean verbose;
}
