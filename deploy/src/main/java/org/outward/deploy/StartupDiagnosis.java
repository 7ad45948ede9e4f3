package org.outward.deploy;

import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the exception James throws at start-up into one line an admin can act on. James wraps the real
 * reason in several layers (Guice provisioning, lifecycle, configuration); the line names the innermost
 * reason and the configuration file it most likely comes from.
 */
final class StartupDiagnosis {

    private static final Pattern CLASS_NOT_FOUND = Pattern.compile("([\\w.$]+)");

    private StartupDiagnosis() {
    }

    /**
     * @param conf the configuration folder the admin edits (theirs, or the copy of the built-in one)
     */
    static String explain(Throwable failure, Path conf) {
        List<Throwable> chain = causes(failure);
        for (Throwable t : chain) {
            if (t instanceof BindException || messageOf(t).contains("Address already in use")) {
                return "a port the gateway needs is already in use (" + messageOf(t)
                        + "): check the ports in " + conf.resolve("smtpserver.xml") + " and "
                        + conf.resolve("webadmin.properties");
            }
        }
        for (Throwable t : chain) {
            if (t instanceof ClassNotFoundException) {
                Matcher m = CLASS_NOT_FOUND.matcher(messageOf(t));
                String name = m.find() ? m.group(1) : messageOf(t);
                return "class " + name + " named in " + conf.resolve("mailetcontainer.xml")
                        + " cannot be found: check the spelling, or put its jar in extensions-jars";
            }
        }
        for (Throwable t : chain) {
            String message = messageOf(t);
            if (message.startsWith("Unable to init matcher") || message.startsWith("Unable to init mailet")
                    || message.contains("mailet") || message.contains("Mailet")
                    || message.contains("matcher") || message.contains("Matcher")) {
                return "mailetcontainer.xml in " + conf + " is not usable: " + innermost(chain, t);
            }
        }
        Throwable root = chain.get(chain.size() - 1);
        return "James did not start with the configuration in " + conf + ": " + root.getClass().getSimpleName()
                + ": " + firstLine(messageOf(root));
    }

    private static String innermost(List<Throwable> chain, Throwable from) {
        StringBuilder text = new StringBuilder(firstLine(messageOf(from)));
        for (int i = chain.indexOf(from) + 1; i < chain.size(); i++) {
            String message = firstLine(messageOf(chain.get(i)));
            if (!message.isEmpty() && !text.toString().contains(message)) {
                text.append(": ").append(message);
            }
        }
        return text.toString();
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String messageOf(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
