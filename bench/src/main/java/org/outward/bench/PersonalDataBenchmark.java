package org.outward.bench;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.mail.MessagingException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.extractor.XSSFEventBasedExcelExtractor;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.xmlbeans.XmlException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.outward.detect.personal.PersonalDataDetector;
import org.outward.detect.personal.PersonalDataFinding;
import org.outward.detect.personal.Table;
import org.outward.detect.personal.TextAndTables;
import org.outward.engine.Engine;
import org.outward.engine.Envelope;
import org.outward.engine.Judgement;
import org.outward.fixtures.PersonalCorpus;
import org.outward.inspect.InspectedPart;
import org.outward.inspect.Inspection;
import org.outward.inspect.MessageInspector;
import org.outward.policy.InvalidPolicyException;
import org.outward.policy.Policy;
import org.outward.policy.PolicyLoader;
import org.outward.protect.ProtectionChecks;

/**
 * Personal-data detection: plain text in MB/s, the 20,000-row register in rows/s, and the whole judgement of
 * that register as an XLSX attachment, extraction included, each beside a baseline measured in the same run.
 *
 * <ul>
 * <li>{@code detectText} / {@code tokeniseTextBaseline}: the plain-text files of the labelled corpus
 * ({@code test-fixtures/personal}), one part per call as mail bodies arrive; {@code mix} picks the prose
 * negatives (minutes, press releases, flyers, motions, quotes, newsletters, threads), the prose with people
 * (casework notes and lists pasted into a body), or one long document made of all of them repeated to 1 MB.
 * The baseline splits the same text into words with one precompiled regex. Throughput in MB/s is the
 * {@code bytes} counter (UTF-8 bytes of text per second, divided by 10^6). On the long document the split's
 * array of words is larger than half a G1 region of the 1 GB heap, so G1 allocates it as a humongous object
 * and the baseline runs at less than half its speed under another collector: its ratio there is not
 * comparable with the short bodies' ({@code -jvmArgsAppend -XX:+UseParallelGC} shows the difference).
 * <li>{@code detectRegisterTable} / {@code scanRegisterCellsBaseline}: the corpus's 20,000-row register
 * handed over as a table (the path extracted spreadsheets take); scores are rows per second. The baseline
 * runs one precompiled postcode-shaped regex over every cell.
 * <li>{@code judgeRegisterXlsx} / {@code inspectRegisterXlsx} / {@code detectRegisterXlsxPart} /
 * {@code readRegisterXlsxBaseline}: that register as an XLSX attached to a message, judged by
 * {@link Engine#judge} as the gateway does (walk, extraction, detectors, policy); the walk alone; detection
 * alone on the part the walk extracted (the sheet as text and as a table); and POI's streaming extractor
 * reading the same workbook.
 * </ul>
 *
 * <pre>
 * bench/run -f 1 -wi 3 -w 2 -i 5 -r 2 PersonalDataBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class PersonalDataBenchmark {

    private static final int REGISTER_ROWS = 20_000;
    private static final String CORPUS = "/fixtures/personal/";

    private final PersonalDataDetector detector = new PersonalDataDetector();

    /** The plain-text parts of one mix, each with its size in UTF-8 bytes. */
    @State(Scope.Benchmark)
    public static class TextMix {
        @Param({"prose-negatives", "prose-people", "long-document"})
        public String mix;

        List<String> parts;
        long[] sizes;
        int next;

        @Setup
        public void load() throws IOException {
            parts = parts(mix);
            sizes = parts.stream().mapToLong(p -> p.getBytes(StandardCharsets.UTF_8).length).toArray();
        }

        /** The mixes, by name. */
        static final List<String> MIXES = List.of("prose-negatives", "prose-people", "long-document");

        /** The texts of a mix, read from the corpus. */
        static List<String> parts(String mix) throws IOException {
            List<String> negatives = new ArrayList<>();
            List<String> people = new ArrayList<>();
            for (String[] label : labels()) {
                if (!label[0].endsWith(".txt")) {
                    continue;
                }
                (label[1].equals("positive") ? people : negatives).add(read(label[0]));
            }
            return switch (mix) {
                case "prose-negatives" -> negatives;
                case "prose-people" -> people;
                case "long-document" ->
                        List.of(longDocument(Stream.concat(negatives.stream(), people.stream()).toList()));
                default -> throw new IllegalArgumentException("unknown mix " + mix);
            };
        }

        private static String longDocument(List<String> texts) {
            StringBuilder all = new StringBuilder();
            while (all.length() < 1_000_000) {
                texts.forEach(t -> all.append(t).append('\n'));
            }
            return all.toString();
        }

        /** The next part of the mix, its bytes counted. */
        String take(ByteCounter counter) {
            int i = next;
            next = (next + 1) % parts.size();
            counter.bytes += sizes[i];
            return parts.get(i);
        }
    }

    /** The 20,000-row register (header row first) as the table extraction hands over. */
    @State(Scope.Benchmark)
    public static class Register {
        Table table;

        @Setup
        public void build() {
            table = new Table("Register", PersonalCorpus.register(REGISTER_ROWS));
        }
    }

    /** The register as an XLSX attached to a message kept in a file, and the engine that judges it. */
    @State(Scope.Benchmark)
    public static class RegisterXlsx {
        byte[] workbook;
        Path folder;
        Path message;
        Engine engine;
        MessageInspector inspector;
        /** The workbook's part as extraction hands it to detection: the sheet as text and as a table. */
        TextAndTables extracted;
        Policy policy;
        Envelope envelope;

        @Setup
        public void build() throws IOException, MessagingException, InvalidPolicyException {
            workbook = xlsx(PersonalCorpus.register(REGISTER_ROWS));
            folder = Files.createTempDirectory("outward-bench-");
            message = folder.resolve("register.eml");
            Files.write(message, InspectionBenchmark.withAttachment("register.xlsx", workbook));
            engine = new Engine(folder.resolve("state"), Clock.systemUTC());
            try (InputStream in = Objects.requireNonNull(PersonalDataBenchmark.class.getResourceAsStream(
                    "/org/outward/policies/default-policy.yaml"))) {
                policy = PolicyLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default");
            }
            inspector = new MessageInspector(policy.limits(), ProtectionChecks.defaults());
            try (InputStream in = Files.newInputStream(message)) {
                extracted = inspector.inspect(in).parts().stream().map(InspectedPart::text)
                        .filter(t -> !t.tables().isEmpty())
                        .map(t -> new TextAndTables(t.text(), t.tables().stream()
                                .map(table -> new Table(table.name(), table.rows())).toList()))
                        .findFirst().orElseThrow();
            }
            envelope = new Envelope("sam.volunteer@party.example", List.of("alex.agent@example.org"));
            Judgement first = engine.judge(message, envelope, policy);
            if (first.facts().stream().noneMatch(f -> f.records() == REGISTER_ROWS)) {
                throw new IllegalStateException("the register was not judged a list of " + REGISTER_ROWS
                        + " people: " + first.facts());
            }
        }

        @TearDown
        public void close() throws IOException {
            engine.close();
            inspector.close();
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public PersonalDataFinding detectText(TextMix text, ByteCounter counter) {
        return detector.inspect(TextAndTables.text(text.take(counter)));
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Baseline: the cheapest look at every word of the same text, one precompiled regex split. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int tokeniseTextBaseline(TextMix text, ByteCounter counter) {
        return words(text.take(counter));
    }

    /** The baseline's work on one text: its words, split by one precompiled regex. */
    static int words(String text) {
        return WHITESPACE.split(text).length;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(REGISTER_ROWS)
    public PersonalDataFinding detectRegisterTable(Register register) {
        return detector.inspect(new TextAndTables("", List.of(register.table)));
    }

    private static final Pattern POSTCODE_SHAPE = Pattern.compile("\\b[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}\\b");

    /** Baseline: one precompiled postcode-shaped regex over every cell of the same table. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(REGISTER_ROWS)
    public int scanRegisterCellsBaseline(Register register) {
        int found = 0;
        Matcher m = POSTCODE_SHAPE.matcher("");
        for (List<String> row : register.table.rows()) {
            for (String cell : row) {
                if (m.reset(cell).find()) {
                    found++;
                }
            }
        }
        return found;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Judgement judgeRegisterXlsx(RegisterXlsx xlsx) {
        return xlsx.engine.judge(xlsx.message, xlsx.envelope, xlsx.policy);
    }

    /** Detection alone on what extraction made of the workbook (text and table), as the engine calls it. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public PersonalDataFinding detectRegisterXlsxPart(RegisterXlsx xlsx) {
        return detector.inspect(xlsx.extracted);
    }

    /** The walk alone (types, protection, extraction of text and tables): what detection is added to. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Inspection inspectRegisterXlsx(RegisterXlsx xlsx) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx.message)) {
            return xlsx.inspector.inspect(in);
        }
    }

    /** Baseline: POI's streaming (SAX) extractor reading every cell of the same workbook. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int readRegisterXlsxBaseline(RegisterXlsx xlsx) throws IOException, OpenXML4JException, XmlException {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx.workbook));
             XSSFEventBasedExcelExtractor extractor = new XSSFEventBasedExcelExtractor(pkg)) {
            return extractor.getText().length();
        }
    }

    private static List<String[]> labels() throws IOException {
        List<String[]> labels = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                PersonalDataBenchmark.class.getResourceAsStream(CORPUS + "labels.csv")), StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                labels.add(line.split(",", 4));
            }
        }
        return labels;
    }

    private static String read(String path) {
        try (InputStream in = Objects.requireNonNull(PersonalDataBenchmark.class.getResourceAsStream(CORPUS + path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            var sheet = book.createSheet("Register");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(bytes);
        }
        return bytes.toByteArray();
    }
}
