/**
 * False-positive reports: a sender who thinks a notice is wrong reports it from the notice itself, and an admin
 * turns the report into a policy exception or dismisses it.
 *
 * <p>When the gateway sends a notice it also files a {@link org.outward.feedback.ReportTicket}: which message
 * (Message-ID), whose (the envelope sender), the rules that fired and the findings with their redacted evidence,
 * exactly as the audit trail carries them. The notice's "Report this notice as wrong" link holds a
 * {@link org.outward.feedback.ReportToken}: the ticket's id and a random 256-bit secret of which the store keeps
 * only the SHA-256. The portal shows the ticket for a GET and records the report only for a POST, so a mail
 * scanner that fetches the link records nothing; the console reads the reported tickets.
 *
 * <p>A stored ticket rather than a signed token: the portal must show the rule and file names and the console the
 * evidence, which have to be stored anyway, and the portal holds no key of the gateway's. A ticket is written where
 * the vault is ({@link org.outward.feedback.FolderReportStore} in a local vault's folder, the shared backends for
 * several nodes), since gateway, portal and console already share that.
 */
package org.outward.feedback;
