package org.outward.report;

import java.util.stream.Collectors;

/** An incident export as a reader takes it in: one block per message, the facts a breach assessment asks for. */
public final class IncidentText {

    private IncidentText() {
    }

    public static String of(IncidentExport export) {
        StringBuilder text = new StringBuilder();
        text.append("Outward incident export: ").append(VisibleText.of(export.query())).append('\n');
        text.append("Made ").append(export.generated()).append(" from the audit trail. ")
                .append(export.messages().size()).append(export.messages().size() == 1 ? " message.\n" : " messages.\n");
        if (export.unreadable() > 0) {
            text.append("Warning: ").append(export.unreadable()).append(" lines of the trail could not be read.\n");
        }
        for (IncidentExport.Message message : export.messages()) {
            text.append('\n');
            text.append("Message-ID  ").append(VisibleText.of(message.messageId())).append('\n');
            text.append("Sender      ").append(VisibleText.of(message.sender())).append('\n');
            text.append("Judged      ").append(message.judged()).append(" on ").append(VisibleText.of(message.node()))
                    .append(" (event ").append(message.eventId()).append(")\n");
            text.append("Verdict     ").append(message.verdict()).append('\n');
            message.policy().ifPresent(policy -> text.append("Policy      ").append(VisibleText.of(policy.file()))
                    .append(" sha256 ").append(policy.sha256()).append(", in force since ").append(policy.since()).append('\n'));
            text.append("Recipients:\n");
            for (IncidentExport.Recipient recipient : message.recipients()) {
                text.append("  ").append(VisibleText.of(recipient.address())).append(": ").append(recipient.action())
                        .append(recipient.rules().isEmpty() ? "" : " (" + recipient.rules().stream().map(VisibleText::of)
                                .collect(Collectors.joining(", ")) + ")")
                        .append(", what left: ").append(recipient.left()).append('\n');
            }
            text.append(message.findings().isEmpty() ? "Findings: none\n" : "Findings (redacted):\n");
            for (IncidentExport.Finding finding : message.findings()) {
                text.append("  ").append(VisibleText.of(finding.part())).append(": ").append(finding.kind())
                        .append(", ").append(finding.protection()).append(", ").append(finding.records()).append(" records: ")
                        .append(VisibleText.of(finding.evidence())).append('\n');
            }
            text.append(message.actions().isEmpty() ? "Actions since: none\n" : "Actions since:\n");
            for (IncidentExport.AdminAction action : message.actions()) {
                text.append("  ").append(action.time()).append(' ').append(action.event()).append(" by ")
                        .append(VisibleText.of(action.actor()))
                        .append(action.reason().isEmpty() ? "" : ": " + VisibleText.of(action.reason())).append('\n');
            }
        }
        return text.toString();
    }
}
