package io.pqagent.directory.cli;

import io.pqagent.directory.client.DirectoryClient;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.record.SignedRecord;
import io.pqagent.directory.store.RecordStore.Submission;
import io.pqagent.qsmp.keys.AtomicFile;
import io.pqagent.qsmp.transport.QsmpNetwork;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The last step of register, revoke and submit: to a replica, or into a file for later. */
final class Submitting {
    private Submitting() {
    }

    static int deliver(SignedRecord signed, ReplicaOptions replica, Path file, PrintWriter out)
            throws CliFailure, DirectoryException {
        if (file != null) {
            try {
                AtomicFile.write(file, signed.encode(), PosixFilePermissions.fromString("rw-r--r--"));
            } catch (IOException e) {
                throw new CliFailure(1, "cannot write " + file + ": " + e.getMessage());
            }
            out.println("signed " + RecordText.line(signed.record()));
            out.println("written to " + file);
            return 0;
        }
        try (QsmpNetwork network = QsmpNetwork.create(); DirectoryClient client = replica.connect(network)) {
            Submission outcome = client.submit(signed);
            out.println((outcome == Submission.STORED ? "stored " : "already present ")
                    + RecordText.line(signed.record()));
            return 0;
        }
    }
}
