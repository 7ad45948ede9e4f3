package org.outward.inspect;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A class-data-sharing archive for parser processes (the JVM's AppCDS, {@code -XX:SharedArchiveFile}): the classes
 * of Tika, PDFBox and POI that a warmed-up process has loaded, saved once, already parsed and checked, and mapped
 * by every later parser process, which then starts with much less work.
 *
 * <p>The archive is made the first time a parser process is needed and none fits: one extra process runs the
 * warm-up ({@link ParseChild#WARM_UP_ONLY}) and saves its classes as it exits. Until it is there, and whenever it
 * cannot be made or used, parser processes start without it; nothing waits for it. Its name carries a digest of the
 * JVM and of the class path's files (names, sizes and times), so an upgrade of either makes a new one (older ones are
 * removed) instead of one the JVM refuses. The JVM checks the archive again when it maps it and, if it refuses it,
 * runs without it and says so on the parser process's standard error.
 */
final class ClassArchive {

    private static final Logger LOG = LoggerFactory.getLogger(ClassArchive.class);
    private static final String PREFIX = "parser-classes-";
    private static final String SUFFIX = ".jsa";
    /** Archives this JVM has tried to make: one attempt each, whatever its outcome, however many inspectors ask. */
    private static final Set<Path> TRIED = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final String classPath;

    private ClassArchive(Path file, String classPath) {
        this.file = file;
        this.classPath = classPath;
    }

    /** No archive: parser processes start as they are. */
    static ClassArchive none() {
        return new ClassArchive(null, "");
    }

    /** The archive for this JVM and class path, kept in {@code folder}. */
    static ClassArchive in(Path folder, String classPath) {
        return new ClassArchive(folder.toAbsolutePath().resolve(PREFIX + digest(classPath) + SUFFIX), classPath);
    }

    /** Where the archive is or will be; null for none. */
    Path file() {
        return file;
    }

    /**
     * The JVM options that map the archive when it is there. When it is not and has not been tried, starts making it
     * in the background with the command {@code maker} gives for the file to write, and answers none for now.
     */
    List<String> jvmOptions(Function<Path, List<String>> maker) {
        if (file == null) {
            return List.of();
        }
        if (Files.isRegularFile(file)) {
            return List.of("-XX:SharedArchiveFile=" + file);
        }
        if (TRIED.add(file)) {
            Thread making = new Thread(() -> make(maker), "parser-class-archive");
            making.setDaemon(true);
            making.start();
        }
        return List.of();
    }

    private void make(Function<Path, List<String>> maker) {
        Path folder = file.getParent();
        Path partial = null;
        try {
            Files.createDirectories(folder);
            if (hasFolders(classPath)) {
                LOG.info("Parser class archive not made: the class path has folders of classes (a development build),"
                        + " which the JVM cannot archive");
                return;
            }
            partial = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
            Process process = new ProcessBuilder(maker.apply(partial))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                LOG.warn("Parser class archive not made in {}: it took too long; parser processes start without it",
                        folder);
                return;
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
                LOG.warn("Parser class archive not made in {} (exit {}); parser processes start without it",
                        folder, process.exitValue());
                return;
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            removeOthers(folder);
            LOG.info("Parser class archive made: {}; parser processes started from now on use it", file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Parser class archive cannot be made in {} ({}); parser processes start without it", folder,
                    e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    // Left behind; the next archive made removes it.
                }
            }
        }
    }

    /** Archives made for another JVM or class path, and partial ones left by a crash. */
    private void removeOthers(Path folder) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(folder, PREFIX + "*")) {
            for (Path p : old) {
                if (!p.equals(file)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A digest of the JVM and of every file on the class path, so that a change of either names a new archive. */
    private static String digest(String classPath) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((System.getProperty("java.home") + '\n' + System.getProperty("java.vm.version") + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            for (Path entry : entries(classPath)) {
                String line = entry + " " + (Files.exists(entry) ? Files.size(entry) + " "
                        + Files.getLastModifiedTime(entry).toMillis() : "absent") + '\n';
                sha.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException | IOException e) {
            // Every JVM has SHA-256; a file that cannot be read now is named by its path alone.
            return Integer.toHexString(classPath.hashCode());
        }
    }

    private static boolean hasFolders(String classPath) throws IOException {
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry.isEmpty() ? "." : entry);
            if (!entry.endsWith("*") && Files.isDirectory(path)) {
                try (DirectoryStream<Path> content = Files.newDirectoryStream(path)) {
                    if (content.iterator().hasNext()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The class path's files, with a folder's {@code *} (as the JVM reads it) standing for its jars. */
    private static List<Path> entries(String classPath) throws IOException {
        List<Path> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.endsWith("*")) {
                Path folder = Path.of(entry.substring(0, entry.length() - 1));
                if (Files.isDirectory(folder)) {
                    try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.{jar,JAR}")) {
                        List<Path> sorted = new ArrayList<>();
                        jars.forEach(sorted::add);
                        sorted.sort(null);
                        entries.addAll(sorted);
                    }
                }
            } else if (!entry.isEmpty()) {
                entries.add(Path.of(entry));
            }
        }
        return entries;
    }
}
