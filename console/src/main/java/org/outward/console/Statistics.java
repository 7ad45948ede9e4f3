package org.outward.console;

import java.time.LocalDate;
import java.util.List;

/**
 * What the audit trail says the gateway did in a period: the messages judged by verdict, per UTC day, per sender
 * group; how many messages each rule fired on; the senders whose mail was blocked or held; and how many of the
 * trail's other events (admin actions, expiries) there were. Counts and names only: addresses and rule ids, never
 * content nor evidence.
 *
 * @param total      every message judged in the period, by verdict
 * @param days       every day of the period, in order, days without mail included
 * @param rules      the rules that fired, with the number of messages each fired on, most first
 * @param groups     by the policy's sender groups (a message counts once in each group its sender is in), then the
 *                   senders in no group, then the decisions written before lines named the groups
 * @param senders    senders whose mail was blocked or held, most first
 * @param events     the trail's other events by kind ({@code release}, {@code sign-in}, ...): every kind the trail
 *                   knows, in the order it declares them, none left out for having no event
 * @param unreadable lines of the trail in the period that were not audit events, and not counted
 */
record Statistics(StatisticsPeriod period, VerdictCounts total, List<Day> days, List<RuleCount> rules,
                  List<GroupCount> groups, List<SenderCount> senders, List<EventCount> events, int unreadable) {

    Statistics {
        days = List.copyOf(days);
        rules = List.copyOf(rules);
        groups = List.copyOf(groups);
        senders = List.copyOf(senders);
        events = List.copyOf(events);
    }

    record Day(LocalDate day, VerdictCounts counts) {
    }

    record RuleCount(String rule, int messages) {
    }

    /** Whose messages a group row counts. */
    enum GroupKind { NAMED, NO_GROUP, NOT_RECORDED }

    /** @param name the group's name in the policy; empty for the other kinds */
    record GroupCount(String name, GroupKind kind, VerdictCounts counts) {
    }

    /** @param kind the event's word in the trail, e.g. {@code release} */
    record EventCount(String kind, int count) {
    }

    /** @param sender the envelope sender, lower case; empty for the null sender */
    record SenderCount(String sender, int blocked, int held) {
    }
}
