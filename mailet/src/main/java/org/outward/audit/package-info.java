/**
 * The audit trail: one JSON object a line on the logger {@code org.outward.audit}, for every decision the gateway
 * takes and every admin action, in a form a DPO can account from and a SIEM can read.
 *
 * <p>Every line has the same envelope: the format's version {@code v}, the time (ISO-8601 UTC with milliseconds),
 * the {@code node} that wrote it, a unique {@code id}, the {@code event} kind and the {@code actor} (the gateway,
 * an admin's user name, or a recipient); the event's own fields follow at the top level. The format is specified by
 * {@code docs/audit.schema.json} and explained in {@code docs/audit.md}.
 *
 * <p>{@link org.outward.audit.AuditTrail} writes events; {@link org.outward.audit.AuditLine} turns an event into its
 * line and back, so that the reports ({@code deploy/gateway audit digest} and {@code audit export}, the console's
 * statistics) read what the writer wrote. {@link org.outward.audit.TrailReader} reads the trail's files a window at
 * a time without holding them, and {@link org.outward.audit.DecisionSummary} is what the reports count of a
 * decision. Lines never carry content: findings carry redacted evidence only, and every character outside
 * printable ASCII is escaped, so no value a sender controls (a subject, an address, a file name) can end a line or
 * start a forged one.
 */
package org.outward.audit;
