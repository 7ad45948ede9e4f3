package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parser processes parse as usual whatever becomes of their class-data archive: made and used, not makeable (a
 * folder that cannot be written), damaged, or refused by the JVM (made for another class path).
 */
class ClassArchiveTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @TempDir
    Path dir;

    @Test
    void partsAreParsedWhenTheArchiveFolderCannotBeWritten() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("state"), "a file where the folder should be");
        assertThat(parseTwice(notAFolder.resolve("parser-classes"))).allMatch(t -> t.contains("Ann Jones"));
        assertThat(Files.isRegularFile(notAFolder)).isTrue();
    }

    /** A damaged file under the archive's name is not mapped; the processes parse as usual. */
    @Test
    void partsAreParsedWhenTheArchiveIsDamaged() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("archive"));
        Path file = ClassArchive.in(folder, System.getProperty("java.class.path")).file();
        assertThat(file.getParent()).isEqualTo(folder.toAbsolutePath());
        Files.write(file, "not a class archive".repeat(100).getBytes(StandardCharsets.US_ASCII));

        assertThat(parseTwice(folder)).allMatch(t -> t.contains("Ann Jones"));
    }

    /**
     * The JVM archives classes from jars only, as an installed gateway has them: the parser processes get this
     * module's classes as a jar. The archive is made in the background by one more process; the processes started
     * after it map it (it shows in their memory maps) and parse as before.
     */
    @Test
    void theArchiveIsMadeInItsFolderAndMappedByLaterProcesses() throws Exception {
        String jars = jarClassPath();
        Path folder = dir.resolve("state/parser-classes");
        List<String> texts = new ArrayList<>();
        try (TimeBox timeBox = new TimeBox(2);
             ParserProcesses processes = new ParserProcesses(isolation(folder), timeBox, r -> { }, jars)) {
            texts.add(parse(processes));
        }
        long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (archives(folder).isEmpty() && System.nanoTime() < giveUp) {
            Thread.sleep(500);
        }
        assertThat(archives(folder)).hasSize(1);
        Path archive = archives(folder).get(0);

        try (TimeBox timeBox = new TimeBox(2);
             ParserProcesses processes = new ParserProcesses(isolation(folder), timeBox, r -> { }, jars)) {
            texts.add(parse(processes));
            assertThat(parserProcessMaps()).anyMatch(maps -> maps.contains(archive.toString()));
            texts.add(parse(processes));
        }
        assertThat(texts).hasSize(3).allMatch(t -> t.contains("Ann Jones"));

        // The same archive where processes of another class path look for theirs: the JVM refuses it, and says
        // so on standard error, never on the wire.
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.copy(archive, ClassArchive.in(other, System.getProperty("java.class.path")).file());
        assertThat(parseTwice(other)).allMatch(t -> t.contains("Ann Jones"));
    }

    /** This module's classes as a jar, then every jar of the test's class path. */
    private String jarClassPath() throws Exception {
        Path classes = Path.of(ParseChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("outward-mailet.jar");
        if (Files.isDirectory(classes)) {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                 Stream<Path> files = Files.walk(classes)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        } else {
            Files.copy(classes, jar);
        }
        List<String> entries = new ArrayList<>(List.of(jar.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The memory maps of this JVM's live parser processes. */
    private static List<String> parserProcessMaps() {
        List<String> maps = new ArrayList<>();
        ProcessHandle.current().descendants().forEach(p -> {
            try {
                String line = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
                if (line.contains(ParseChild.class.getName())) {
                    maps.add(Files.readString(Path.of("/proc", Long.toString(p.pid()), "maps")));
                }
            } catch (java.io.IOException e) {
                // The process ended meanwhile.
            }
        });
        return maps;
    }

    private List<String> parseTwice(Path folder) throws Exception {
        List<String> texts = new ArrayList<>();
        try (TimeBox timeBox = new TimeBox(2);
             ParserProcesses processes = new ParserProcesses(isolation(folder), timeBox, r -> { })) {
            texts.add(parse(processes));
            texts.add(parse(processes));
        }
        return texts;
    }

    private String parse(ParserProcesses processes) throws Exception {
        Path docx = dir.resolve("minutes.docx");
        if (!Files.exists(docx)) {
            Files.write(docx, Samples.docxWithTable());
        }
        TextExtractor.Result result = processes.extract(docx, DOCX, "minutes.docx", 100_000, Duration.ofSeconds(60),
                new EmbeddedSpooler(null, ""));
        assertThat(result.failed()).isNull();
        return result.text().text();
    }

    private static ParserIsolation isolation(Path folder) {
        return new ParserIsolation(1, 96, ParserIsolation.LARGE_PART_BYTES, false, folder);
    }

    private static List<Path> archives(Path folder) throws Exception {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.jsa")) {
                files.forEach(found::add);
            }
        }
        return found;
    }
}
