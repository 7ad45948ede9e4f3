/**
 * Reports made from the audit trail for the data protection officer: the digest of what the gateway judged, stopped
 * and still holds ({@link org.outward.report.Digest}), and the export of everything known about one incident
 * ({@link org.outward.report.IncidentExport}) for a breach assessment. Both read the trail's files as the gateway
 * wrote them ({@link org.outward.report.TrailFiles}) and quote only what the lines hold: addresses, rule ids and
 * redacted evidence, never content.
 */
package org.outward.report;
