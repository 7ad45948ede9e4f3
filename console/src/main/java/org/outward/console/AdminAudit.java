package org.outward.console;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every admin action in the console (sign-in, sign-out, release, delete) as one audit event: a JSON line with
 * its ISO-8601 time, the node, a unique event id, the event, the user and the event's own fields, appended to the
 * console's audit file (and logged on {@value #LOGGER}, where the gateway's own audit lines go). A reason an admin
 * typed is kept; message content never is.
 */
public final class AdminAudit {

    static final String LOGGER = "org.outward.audit";
    private static final System.Logger LOG = System.getLogger(LOGGER);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Path> file;
    private final Clock clock;
    private final String node;

    /** Events go to this file (appended, made if missing), or only to the log when empty. */
    public AdminAudit(Optional<Path> file, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.node = nodeName();
    }

    /**
     * Records one event.
     *
     * @param event  e.g. {@code console.release}
     * @param user   who did it (the name typed, for a failed sign-in)
     * @param fields the event's own fields
     */
    public synchronized void record(String event, String user, Map<String, String> fields) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", clock.instant().toString());
        line.put("node", node);
        line.put("id", UUID.randomUUID().toString());
        line.put("event", event);
        line.put("user", user);
        fields.forEach(line::put);
        String text = line.toString();
        LOG.log(System.Logger.Level.INFO, text);
        if (file.isPresent()) {
            try {
                Files.writeString(file.get(), text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                // An action whose trail cannot be written must not look done: the caller's page reports the failure.
                throw new IllegalStateException("console audit file not writable: " + e.getClass().getName());
            }
        }
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
