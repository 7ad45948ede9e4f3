package org.outward.console;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.outward.policy.Action;

/**
 * The statistics as CSV for a DPO's report: one figure a row, {@code section,item,measure,value}, so that a
 * spreadsheet's filter or pivot table gives any view of it. Sections: {@code period}, {@code total} (by verdict),
 * {@code day}, {@code rule}, {@code group} ({@code (no group)}, {@code (not recorded)} for the others),
 * {@code sender} (blocked and held), {@code event} (the trail's other events) and {@code trail}
 * ({@code unreadable-lines}). Quoting by RFC 4180; every text cell made safe from formulas ({@link SpreadsheetCell}).
 */
final class StatisticsCsv {

    static final List<String> HEADER = List.of("section", "item", "measure", "value");

    private StatisticsCsv() {
    }

    static String of(Statistics statistics) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(HEADER);
            row(csv, "period", "", "from", statistics.period().first().toString());
            row(csv, "period", "", "to", statistics.period().last().toString());
            verdicts(csv, "total", "", statistics.total());
            for (Statistics.Day day : statistics.days()) {
                verdicts(csv, "day", day.day().toString(), day.counts());
            }
            for (Statistics.RuleCount rule : statistics.rules()) {
                row(csv, "rule", rule.rule(), "messages", rule.messages());
            }
            for (Statistics.GroupCount group : statistics.groups()) {
                verdicts(csv, "group", switch (group.kind()) {
                    case NAMED -> group.name();
                    case NO_GROUP -> "(no group)";
                    case NOT_RECORDED -> "(not recorded)";
                }, group.counts());
            }
            for (Statistics.SenderCount sender : statistics.senders()) {
                row(csv, "sender", sender.sender(), "block", sender.blocked());
                row(csv, "sender", sender.sender(), "quarantine", sender.held());
            }
            for (Statistics.EventCount event : statistics.events()) {
                row(csv, "event", event.kind(), "count", event.count());
            }
            row(csv, "trail", "", "unreadable-lines", statistics.unreadable());
        }
        return out.toString();
    }

    private static void verdicts(CSVPrinter csv, String section, String item, VerdictCounts counts) throws IOException {
        row(csv, section, item, "judged", counts.judged());
        for (Action verdict : VerdictCounts.ORDER) {
            row(csv, section, item, verdict.word(), counts.of(verdict));
        }
    }

    private static void row(CSVPrinter csv, String section, String item, String measure, Object value) throws IOException {
        csv.printRecord(section, SpreadsheetCell.text(item), measure,
                value instanceof String text ? SpreadsheetCell.text(text) : value);
    }
}
