package org.outward.console;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.outward.audit.AuditEvent;
import org.outward.audit.AuditKind;
import org.outward.audit.DecisionSummary;
import org.outward.audit.TrailReader;

/**
 * Counts the audit events of a period as the trail's reader hands them over, one at a time, keeping counts only:
 * per day, rule, sender group and blocked sender, so that a year of trail needs no more memory than its distinct
 * days, rules, groups and stopped senders. Events outside the period are ignored.
 */
final class StatisticsTally implements Consumer<AuditEvent> {

    private static final int VERDICTS = VerdictCounts.ORDER.size();
    private static final int BLOCK = VerdictCounts.slot("block");
    private static final int QUARANTINE = VerdictCounts.slot("quarantine");

    private final StatisticsPeriod period;
    private final int[] total = new int[VERDICTS];
    private final Map<LocalDate, int[]> days = new TreeMap<>();
    private final Map<String, Integer> rules = new HashMap<>();
    private final Map<String, int[]> groups = new TreeMap<>();
    private final int[] noGroup = new int[VERDICTS];
    private final int[] notRecorded = new int[VERDICTS];
    /** Per sender: blocked, held. */
    private final Map<String, int[]> stopped = new HashMap<>();
    private final Map<AuditKind, Integer> events = new EnumMap<>(AuditKind.class);

    StatisticsTally(StatisticsPeriod period) {
        this.period = period;
    }

    /**
     * Reads the period's part of the trail and counts it.
     *
     * @param trail the gateway's audit file (its rolled-over days beside it are read too), or their folder
     */
    static Statistics count(Path trail, StatisticsPeriod period) throws IOException {
        StatisticsTally tally = new StatisticsTally(period);
        int unreadable = TrailReader.read(trail, period.from(), period.to(), tally);
        return tally.statistics(unreadable);
    }

    @Override
    public void accept(AuditEvent event) {
        if (event.time().isBefore(period.from()) || !event.time().isBefore(period.to())) {
            return;
        }
        DecisionSummary decision = DecisionSummary.of(event).orElse(null);
        if (decision == null) {
            events.merge(event.kind(), 1, Integer::sum);
            return;
        }
        int slot = VerdictCounts.slot(decision.verdict());
        total[slot]++;
        days.computeIfAbsent(LocalDate.ofInstant(event.time(), ZoneOffset.UTC), d -> new int[VERDICTS])[slot]++;
        decision.rules().forEach(rule -> rules.merge(rule, 1, Integer::sum));
        if (decision.senderGroups().isEmpty()) {
            notRecorded[slot]++;
        } else if (decision.senderGroups().get().isEmpty()) {
            noGroup[slot]++;
        } else {
            decision.senderGroups().get().stream().distinct()
                    .forEach(group -> groups.computeIfAbsent(group, g -> new int[VERDICTS])[slot]++);
        }
        if (slot == BLOCK || slot == QUARANTINE) {
            stopped.computeIfAbsent(decision.sender().toLowerCase(Locale.ROOT), s -> new int[2])[slot == BLOCK ? 0 : 1]++;
        }
    }

    /** What was counted, with the number of lines the reader could not read. */
    Statistics statistics(int unreadable) {
        List<Statistics.Day> dayRows = new ArrayList<>();
        for (LocalDate day = period.first(); !day.isAfter(period.last()); day = day.plusDays(1)) {
            dayRows.add(new Statistics.Day(day, VerdictCounts.of(days.getOrDefault(day, new int[VERDICTS]))));
        }
        List<Statistics.RuleCount> ruleRows = rules.entrySet().stream()
                .map(e -> new Statistics.RuleCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Statistics.RuleCount::messages).reversed()
                        .thenComparing(Statistics.RuleCount::rule))
                .toList();
        List<Statistics.GroupCount> groupRows = new ArrayList<>();
        groups.forEach((name, counts) -> groupRows.add(new Statistics.GroupCount(name, Statistics.GroupKind.NAMED,
                VerdictCounts.of(counts))));
        groupRows.add(new Statistics.GroupCount("", Statistics.GroupKind.NO_GROUP, VerdictCounts.of(noGroup)));
        if (VerdictCounts.of(notRecorded).judged() > 0) {
            groupRows.add(new Statistics.GroupCount("", Statistics.GroupKind.NOT_RECORDED, VerdictCounts.of(notRecorded)));
        }
        List<Statistics.SenderCount> senderRows = stopped.entrySet().stream()
                .map(e -> new Statistics.SenderCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt((Statistics.SenderCount s) -> s.blocked() + s.held()).reversed()
                        .thenComparing(Comparator.comparingInt(Statistics.SenderCount::blocked).reversed())
                        .thenComparing(Statistics.SenderCount::sender))
                .toList();
        List<Statistics.EventCount> eventRows = new ArrayList<>();
        for (AuditKind kind : AuditKind.values()) {
            if (kind != AuditKind.DECISION) {
                eventRows.add(new Statistics.EventCount(kind.word(), events.getOrDefault(kind, 0)));
            }
        }
        return new Statistics(period, VerdictCounts.of(total), dayRows, ruleRows, groupRows, senderRows, eventRows,
                unreadable);
    }
}
