/**
 * Detection of secrets (passwords, passcodes, PINs, login details) disclosed in a message's text.
 *
 * <p>The party's rule: the password for an encrypted file never travels by email, neither with the file
 * nor after it, and logins are not emailed either. Careful volunteers talk about passwords all the time
 * ("I'll text you the password"), so a false alarm teaches the wrong lesson; every rule here needs a cue
 * <em>and</em> a token that could be typed to open something.
 *
 * <p>Shape, after Presidio: {@link org.outward.detect.secret.Cues} is the registry of
 * {@link org.outward.detect.secret.CueRecogniser}s (English and Welsh); each finds a cue and captures the token
 * before or after it ("Password: X", "use X as the password"), and each
 * {@link org.outward.detect.secret.LineAheadCue} a cue that points to a secret alone on a later line ("Password
 * below"). The {@link org.outward.detect.secret.TokenJudge} validates every token against {@link
 * org.outward.detect.secret.CommonWords}; {@code CueContext} raises confidence near context words and lowers
 * it for examples in policies and for online-meeting passcodes. {@link org.outward.detect.secret.SecretDetector}
 * runs them over {@link org.outward.detect.secret.TextSource}s and reports
 * {@link org.outward.detect.secret.SecretFinding}s at or above its threshold.
 *
 * <p>Deliberately not reported: meeting passcodes in Zoom/Teams invitations (they are meant to be mailed),
 * examples in password guidance ("avoid passwords such as ..."), anything that only says where the password
 * is or how it will travel. Reported although debatable: a Wi-Fi password in a meeting notice.
 *
 * <p>No class here logs, and no secret reaches a finding, a {@code toString} or an exception message.
 * The sibling package {@code correlate} ties a later password to an earlier encrypted attachment.
 */
package org.outward.detect.secret;
