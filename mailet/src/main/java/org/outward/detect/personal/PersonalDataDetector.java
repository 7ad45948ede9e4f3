package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.List;

/**
 * The entry point: judges one part's text and tables and says how many records about people it holds, what
 * kinds of data, whether special category data, with redacted evidence. Thread-safe; build one and share it.
 *
 * <pre>{@code
 * PersonalDataDetector detector = new PersonalDataDetector();
 * PersonalDataFinding finding = detector.inspect(new TextAndTables(text, tables));
 * if (finding.reaches(policyThresholds)) { ... }
 * }</pre>
 */
public final class PersonalDataDetector {

    private final TableAnalyser tables;
    private final TextAnalyser text;

    public PersonalDataDetector() {
        this(RecogniserRegistry.standard());
    }

    public PersonalDataDetector(RecogniserRegistry registry) {
        this.tables = new TableAnalyser(registry);
        this.text = new TextAnalyser(registry, tables);
    }

    public PersonalDataFinding inspect(TextAndTables part) {
        List<PersonalDataFinding> fromTables = new ArrayList<>();
        for (Table table : part.tables()) {
            fromTables.add(tables.analyse(table));
        }
        return Findings.larger(Findings.sum(fromTables), text.analyse(part.text()));
    }
}
