package org.outward.backends;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.outward.feedback.ReportStore;
import org.outward.feedback.ReportStoreContract;

/** The shared backends' report store passes the same contract as the folder store. */
class SqlReportStoreTest extends ReportStoreContract {

    @RegisterExtension
    static final TestBackends BACKENDS = new TestBackends();

    @Override
    protected ReportStore open() throws Exception {
        return BACKENDS.node().reports();
    }
}
