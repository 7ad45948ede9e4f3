/**
 * How the gateway's own mail reaches it: the portal's login to its own SMTP listener ({@link
 * org.outward.submission.PortalCredential}). Mail that comes any other way is judged.
 */
package org.outward.submission;
