package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped copy of Outward's processors (the embedded gateway's configuration, each container flavour's, the
 * James 3.9 flavour's through the memory one, and the fragment for an existing James 3.8 or 3.9 server) is the
 * one source's in {@code deploy/chain}, line for line, and no Outward processor is kept outside the copy.
 *
 * <p>With {@code -Doutward.processors.write=true} the copies are first written from the source
 * ({@link ProcessorChain#WRITE_COMMAND}), which is how a maintainer changes them.
 */
class ProcessorChainFilesTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final boolean WRITE = Boolean.getBoolean("outward.processors.write");

    static Set<String> copies() throws IOException {
        return ProcessorChain.load(REPO).files();
    }

    @ParameterizedTest
    @MethodSource("copies")
    void theFilesCopyIsTheSourcesLineForLine(String file) throws IOException {
        ProcessorChain chain = ProcessorChain.load(REPO);
        if (WRITE) {
            chain.write(file);
        }

        chain.firstDifference(file).ifPresent(difference -> fail(difference
                + "\nOutward's processors are made from deploy/chain; write every copy from it with\n    "
                + ProcessorChain.WRITE_COMMAND));
    }

    @ParameterizedTest
    @MethodSource("copies")
    void noOutwardProcessorIsKeptOutsideTheCopy(String file) throws IOException {
        List<String> lines = Files.readAllLines(REPO.resolve(file));
        List<String> outside = new ArrayList<>();
        boolean inCopy = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            inCopy = inCopy ? !line.equals(ProcessorChain.END) : line.equals(ProcessorChain.BEGIN);
            if (!inCopy && line.contains("<processor state=\"outward")) {
                outside.add(file + ":" + (i + 1) + ": " + line);
            }
        }

        assertThat(outside).as("Outward's processors belong in deploy/chain").isEmpty();
    }

    /** A James configuration or fragment added under deploy/ without its values in flavours.yaml would drift. */
    @Test
    void everyShippedJamesMailetConfigurationIsACopy() throws IOException {
        List<String> shipped = new ArrayList<>();
        try (Stream<Path> files = Files.walk(REPO.resolve("deploy"))) {
            files.filter(path -> !REPO.relativize(path).toString().contains("target/"))
                    .filter(path -> path.getFileName().toString().equals("mailetcontainer.xml")
                            || path.getParent().getFileName().toString().equals("existing-james")
                            && path.toString().endsWith(".xml"))
                    .forEach(path -> shipped.add(REPO.relativize(path).toString()));
        }

        assertThat(copies()).containsExactlyInAnyOrderElementsOf(shipped);
    }

    /** What the write command does, on a copy of the repository's files: the copy replaced, the rest kept. */
    @Test
    void writingPutsTheSourcesCopyInPlaceAndKeepsTheRestOfTheFile(@TempDir Path temp) throws IOException {
        Path chain = Files.createDirectories(temp.resolve(ProcessorChain.SOURCE));
        for (String name : List.of("outward-processors.xml.mustache", "flavours.yaml")) {
            Files.copy(REPO.resolve(ProcessorChain.SOURCE).resolve(name), chain.resolve(name));
        }
        String file = "deploy/docker/conf/durable/mailetcontainer.xml";
        Path copy = Files.createDirectories(temp.resolve(file).getParent()).resolve("mailetcontainer.xml");
        String shipped = Files.readString(REPO.resolve(file));
        Files.writeString(copy, shipped.replace("<retention>quarantine</retention>", "<retention>blocked</retention>")
                .replace("<threads>8</threads>", "<threads>3</threads>"));
        ProcessorChain source = ProcessorChain.load(temp);
        int line = lineOf(shipped, "<retention>quarantine</retention>");

        assertThat(source.firstDifference(file)).hasValueSatisfying(difference -> assertThat(difference)
                .startsWith(file + ":" + line + ": ").contains("<retention>blocked</retention>"));

        source.write(file);

        assertThat(source.firstDifference(file)).isEmpty();
        assertThat(Files.readString(copy)).isEqualTo(shipped.replace("<threads>8</threads>", "<threads>3</threads>"));
    }

    private static int lineOf(String text, String part) {
        return text.substring(0, text.indexOf(part)).split("\n", -1).length;
    }
}
