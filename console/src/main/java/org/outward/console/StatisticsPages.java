package org.outward.console;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.outward.policy.Action;
import org.outward.portal.Pages;
import org.outward.portal.Reply;
import org.outward.portal.Request;

/**
 * The statistics page and its CSV download, counted from the gateway's audit trail for the period asked: what was
 * judged, blocked, held, wrapped, warned and passed, by day, rule and sender group, the senders stopped most, and the
 * trail's other events. Both roles may look; nothing here changes anything (GET only), and it shows addresses and
 * rule ids, never content nor evidence. Looking is not an audit event; the CSV download is ({@code export}), since
 * it carries every stopped sender's address out of the console.
 */
final class StatisticsPages {

    /** Senders shown on the page; the CSV has them all. */
    static final int TOP_SENDERS = 10;
    /** A bar's width is shown in steps of 5%, as classes of the stylesheet (the page allows no inline styles). */
    private static final int BAR_STEPS = 20;

    private final Path trail;
    private final Clock clock;
    private final Pages pages;
    private final AdminAudit audit;

    StatisticsPages(Path trail, Clock clock, Pages pages, AdminAudit audit) {
        this.trail = trail;
        this.clock = clock;
        this.pages = pages;
        this.audit = audit;
    }

    void page(Reply reply, Request request, Account account) throws IOException {
        Map<String, Object> model = HeldPages.base(account);
        StatisticsPeriod period;
        try {
            period = StatisticsPeriod.of(request.query(), today());
        } catch (StatisticsPeriod.Invalid e) {
            model.put("error", pages.word(reply.language(), e.wordKey()));
            model.putAll(form(StatisticsPeriod.CUSTOM, request.query().getOrDefault("from", ""),
                    request.query().getOrDefault("to", "")));
            reply.page(400, "statistics", model, "/statistics");
            return;
        }
        Statistics statistics = StatisticsTally.count(trail, period);
        model.putAll(form(period.choice(), period.first().toString(), period.last().toString()));
        model.put("shown", true);
        model.put("first", period.first().toString());
        model.put("last", period.last().toString());
        model.put("csvUrl", "/statistics.csv?" + period.query());
        model.put("total", verdictCells(statistics.total()));
        model.put("days", days(statistics));
        model.put("rules", rules(statistics));
        model.put("noRules", statistics.rules().isEmpty());
        model.put("groups", groups(statistics));
        List<Map<String, Object>> senders = senders(statistics);
        model.put("senders", senders);
        model.put("noSenders", senders.isEmpty());
        model.put("events", events(statistics, reply.language()));
        model.put("unreadable", statistics.unreadable());
        model.put("someUnreadable", statistics.unreadable() > 0);
        reply.page(200, "statistics", model, "/statistics?" + period.query());
    }

    void csv(Reply reply, Request request, Account account) throws IOException {
        StatisticsPeriod period;
        try {
            period = StatisticsPeriod.of(request.query(), today());
        } catch (StatisticsPeriod.Invalid e) {
            reply.message(400, "stat_error_title", e.wordKey());
            return;
        }
        Statistics statistics = StatisticsTally.count(trail, period);
        byte[] body = StatisticsCsv.of(statistics).getBytes(StandardCharsets.UTF_8);
        // Written before the bytes go: a download the trail does not know of must not happen.
        audit.statisticsExported(account.name(), period, statistics.senders().size());
        String name = "outward-statistics-" + period.first() + "-to-" + period.last() + ".csv";
        try (OutputStream out = reply.stream("text/csv; charset=utf-8",
                Map.of("Content-Disposition", "attachment; filename=\"" + name + "\""), body.length)) {
            out.write(body);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Map<String, Object> form(String choice, String from, String to) {
        Map<String, Object> form = new HashMap<>();
        form.put("last7", StatisticsPeriod.LAST_7.equals(choice));
        form.put("last30", StatisticsPeriod.LAST_30.equals(choice));
        form.put("custom", StatisticsPeriod.CUSTOM.equals(choice));
        form.put("from", from);
        form.put("to", to);
        return form;
    }

    private static Map<String, Object> verdictCells(VerdictCounts counts) {
        Map<String, Object> cells = new HashMap<>();
        cells.put("judged", counts.judged());
        for (Action verdict : VerdictCounts.ORDER) {
            cells.put(verdict.word(), counts.of(verdict));
        }
        cells.put("counts", counts.counts());
        return cells;
    }

    private static List<Map<String, Object>> days(Statistics statistics) {
        int busiest = statistics.days().stream().mapToInt(d -> d.counts().judged()).max().orElse(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Statistics.Day day : statistics.days()) {
            Map<String, Object> row = verdictCells(day.counts());
            row.put("day", day.day().toString());
            row.putAll(bar(day.counts().judged(), busiest));
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> rules(Statistics statistics) {
        int most = statistics.rules().isEmpty() ? 0 : statistics.rules().get(0).messages();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Statistics.RuleCount rule : statistics.rules()) {
            Map<String, Object> row = new HashMap<>(bar(rule.messages(), most));
            row.put("rule", rule.rule());
            row.put("messages", rule.messages());
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> groups(Statistics statistics) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Statistics.GroupCount group : statistics.groups()) {
            Map<String, Object> row = verdictCells(group.counts());
            row.put("name", group.name());
            row.put("noGroup", group.kind() == Statistics.GroupKind.NO_GROUP);
            row.put("notRecorded", group.kind() == Statistics.GroupKind.NOT_RECORDED);
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> senders(Statistics statistics) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Statistics.SenderCount sender : statistics.senders().subList(0,
                Math.min(TOP_SENDERS, statistics.senders().size()))) {
            rows.add(Map.of("sender", sender.sender(), "noSender", sender.sender().isEmpty(), "blocked", sender.blocked(),
                    "held", sender.held()));
        }
        return rows;
    }

    private List<Map<String, Object>> events(Statistics statistics, String language) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Statistics.EventCount event : statistics.events()) {
            String key = "stat_event_" + event.kind();
            String label = pages.word(language, key);
            // A kind newer than these pages' words is still counted, under its word in the trail.
            rows.add(Map.of("label", label.equals(key) ? event.kind() : label, "count", event.count()));
        }
        return rows;
    }

    /** A bar as long as {@code count} is of {@code most}: none for nothing, a sliver for a little. */
    private static Map<String, Object> bar(int count, int most) {
        String width = barWidth(count, most);
        return Map.of("hasBar", !width.isEmpty(), "bar", width);
    }

    /** The class of a bar's width, in steps of 5%; empty for no bar. */
    static String barWidth(int count, int most) {
        if (count <= 0 || most <= 0) {
            return "";
        }
        long steps = Math.max(1, Math.round((double) count * BAR_STEPS / most));
        return "w" + steps * (100 / BAR_STEPS);
    }
}
