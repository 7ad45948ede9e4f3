package org.outward.inspect;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts a parser process as the leader of a process group of its own (util-linux's {@code setsid}, which runs
 * the command in a new session in place, keeping its process id), so that the programs it starts (Tesseract, the
 * HEIF decoder) are in its group and end with it even when it died by itself: a parser process that runs out of
 * memory exits at once ({@code -XX:+ExitOnOutOfMemoryError}), and its children, handed to the system, are no
 * longer its descendants for {@link ProcessTree} to find. The whole group is ended with the shell's {@code kill}
 * of a negative id, which the JDK has no call for. Where {@code setsid} is missing (a system other than Linux),
 * processes start as before and only the live descendants of a process are ended.
 */
final class ProcessGroup {

    private static final Optional<String> SETSID = find("setsid");

    /** Time to wait for the shell that sends the kill. */
    private static final long KILL_WAIT_MILLIS = 2000;

    private ProcessGroup() {
    }

    /** The command, run as the leader of a new process group where this system can; as it is otherwise. */
    static List<String> leading(List<String> command) {
        if (SETSID.isEmpty()) {
            return command;
        }
        List<String> led = new ArrayList<>(command.size() + 1);
        led.add(SETSID.get());
        led.addAll(command);
        return led;
    }

    /** Whether processes started with {@link #leading} lead a group of their own. */
    static boolean available() {
        return SETSID.isPresent();
    }

    /** Kills every process of the group {@code leader} leads, alive or not the leader itself; waits for the kill. */
    static void kill(ProcessHandle leader) {
        if (SETSID.isEmpty()) {
            return;
        }
        try {
            // The id is a number the JDK gave, never text from a message.
            Process kill = new ProcessBuilder("sh", "-c", "kill -KILL -" + leader.pid() + " 2>/dev/null")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(KILL_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            // No shell to send it: the live descendants were ended by ProcessTree all the same.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<String> find(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return Optional.of(Path.of(folder, program).toString());
            }
        }
        return Optional.empty();
    }
}
