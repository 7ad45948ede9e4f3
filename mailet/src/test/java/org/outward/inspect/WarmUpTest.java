package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up parses every built-in sample with the parser the gateway uses, and a sample that cannot be made or
 * parsed is reported and skipped: the other samples are still parsed and the parser still reads real files.
 */
class WarmUpTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final Parser parser = ParsersByType.of(TikaConfig.getDefaultConfig().getParser());

    @Test
    void everyBuiltInSampleIsParsed() {
        WarmUp.Report report = new WarmUp(parser, Duration.ofSeconds(60), new ReentrantLock()).run(WarmUpSamples.builtIn());

        assertThat(report.failed()).isEmpty();
        assertThat(report.samples()).isEqualTo(WarmUpSamples.builtIn().size());
        assertThat(WarmUpSamples.builtIn()).extracting(WarmUpSamples.Sample::type).contains("application/pdf",
                DOCX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.oasis.opendocument.text", "text/html");
    }

    /** Each built-in sample really holds text for its parser: none is an empty shell that warms nothing. */
    @Test
    void everyBuiltInSampleYieldsItsText(@TempDir Path dir) throws Exception {
        for (WarmUpSamples.Sample sample : WarmUpSamples.builtIn()) {
            Path file = Files.write(dir.resolve(sample.name()), sample.maker().make());
            TextCollector collector = new TextCollector(100_000);
            TextExtractor.parse(parser, file, sample.type(), sample.name(), collector, new EmbeddedSpooler(null, ""));
            assertThat(collector.result(false).text() + tableCells(collector.result(false)))
                    .as(sample.name()).containsAnyOf("Leaflet", "Agenda", "Budget");
        }
    }

    @Test
    void aBrokenSampleIsReportedAndTheRestStillParse(@TempDir Path dir) throws Exception {
        List<WarmUpSamples.Sample> samples = new ArrayList<>();
        samples.add(new WarmUpSamples.Sample("garbage.pdf", "application/pdf",
                () -> "%PDF-1.7 not really a PDF".getBytes(StandardCharsets.US_ASCII)));
        samples.add(new WarmUpSamples.Sample("unmade.docx", DOCX, () -> {
            throw new IOException("cannot make it");
        }));
        samples.add(new WarmUpSamples.Sample("deep.docx", DOCX, () -> {
            throw new StackOverflowError();
        }));
        samples.addAll(WarmUpSamples.builtIn());

        WarmUp.Report report = new WarmUp(parser, Duration.ofSeconds(60), new ReentrantLock()).run(samples);

        assertThat(report.samples()).isEqualTo(samples.size());
        assertThat(report.failed()).hasSize(3);
        assertThat(report.failed().get(0)).startsWith("garbage.pdf: ").contains("PDFParser");
        assertThat(report.failed().get(1)).isEqualTo("unmade.docx: not made: IOException");
        assertThat(report.failed().get(2)).isEqualTo("deep.docx: not made: StackOverflowError");
        assertThat(report.toString()).doesNotContain("not really");

        Path docx = Files.write(dir.resolve("minutes.docx"), Samples.docxWithTable());
        TextCollector collector = new TextCollector(100_000);
        TextExtractor.parse(parser, docx, DOCX, "minutes.docx", collector, new EmbeddedSpooler(null, ""));
        assertThat(collector.result(false).text()).contains("Ann Jones");
    }

    private static String tableCells(ExtractedText text) {
        StringBuilder cells = new StringBuilder();
        text.tables().forEach(t -> t.rows().forEach(r -> cells.append(String.join(" ", r)).append('\n')));
        return cells.toString();
    }
}
