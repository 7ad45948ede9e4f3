package org.outward.feedback;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The report store of one node, in a folder, passes the contract. */
class FolderReportStoreTest extends ReportStoreContract {

    @TempDir
    Path folder;

    @Override
    protected ReportStore open() throws Exception {
        return new FolderReportStore(folder.resolve("reports"));
    }
}
