package org.outward.deploy;

/**
 * The lines {@code policy test --json} prints: one {@link Sample} per sample as it is judged, then one
 * {@link Summary}. The {@code kind} field tells them apart.
 */
final class PolicyTestResult {

    private PolicyTestResult() {
    }

    /**
     * @param kind      always {@code sample}
     * @param path      the sample, relative to the folder, as the manifest names it
     * @param expected  the verdict the manifest expects
     * @param verdict   the verdict the policy reached
     * @param agrees    whether they are the same
     * @param decidedBy the rule that chose the verdict, empty when no rule fired
     */
    record Sample(String kind, String path, String expected, String verdict, boolean agrees, String decidedBy) {
        Sample(String path, String expected, String verdict, String decidedBy) {
            this("sample", path, expected, verdict, expected.equals(verdict), decidedBy);
        }
    }

    /**
     * @param kind     always {@code summary}
     * @param policy   the policy file as given
     * @param manifest the manifest read
     * @param samples  how many samples were judged (a sample that could not be read is not)
     * @param agree    how many got the expected verdict
     * @param disagree how many did not
     */
    record Summary(String kind, String policy, String manifest, int samples, int agree, int disagree) {
        Summary(String policy, String manifest, int samples, int disagree) {
            this("summary", policy, manifest, samples, samples - disagree, disagree);
        }
    }
}
