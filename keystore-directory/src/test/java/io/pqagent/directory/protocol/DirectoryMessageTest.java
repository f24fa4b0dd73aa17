package io.pqagent.directory.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pqagent.directory.record.DirectoryError;
import io.pqagent.directory.record.DirectoryException;
import io.pqagent.directory.store.RecordStore.Submission;
import io.pqagent.qsmp.keys.KeyId;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DirectoryMessageTest {
    private static final KeyId KID = KeyId.fromHex("00112233445566778899aabbccddeeff");

    @Test
    void requestsRoundTrip() throws DirectoryException {
        List<DirectoryRequest> requests = List.of(new DirectoryRequest.LookupKeyId(7, KID),
                new DirectoryRequest.LookupOwner(8, "substation-b"),
                new DirectoryRequest.ListRecords(9, KID, 256),
                new DirectoryRequest.Submit(10, new byte[] {1, 2, 3}),
                new DirectoryRequest.Subscribe(11));
        for (DirectoryRequest r : requests) {
            assertThat(DirectoryRequest.decode(r.encode())).isEqualTo(r);
        }
    }

    @Test
    void responsesRoundTrip() throws DirectoryException {
        List<DirectoryResponse> responses = List.of(
                new DirectoryResponse.Submitted(1, Submission.STORED),
                new DirectoryResponse.Submitted(2, Submission.ALREADY_PRESENT),
                new DirectoryResponse.Subscribed(3),
                new DirectoryResponse.Failure(4, DirectoryError.STALE_RECORD, "serial 3 < 5"),
                new DirectoryResponse.Event(new byte[] {9, 9}));
        for (DirectoryResponse r : responses) {
            assertThat(DirectoryResponse.decode(r.encode())).isEqualTo(r);
        }
        DirectoryResponse.Records records = new DirectoryResponse.Records(5, List.of(new byte[] {1}, new byte[] {2, 3}));
        DirectoryResponse.Records back = (DirectoryResponse.Records) DirectoryResponse.decode(records.encode());
        assertThat(back.requestId()).isEqualTo(5);
        assertThat(back.signedRecords()).containsExactly(new byte[] {1}, new byte[] {2, 3});
    }

    @Test
    void everyTruncationOfEveryRequestIsASpecificError() {
        List<DirectoryRequest> requests = List.of(new DirectoryRequest.LookupKeyId(7, KID),
                new DirectoryRequest.LookupOwner(8, "substation-b"), new DirectoryRequest.ListRecords(9, KID, 16));
        for (DirectoryRequest r : requests) {
            byte[] full = r.encode();
            for (int n = 0; n < full.length; n++) {
                byte[] cut = Arrays.copyOf(full, n);
                assertThatThrownBy(() -> DirectoryRequest.decode(cut)).isInstanceOf(DirectoryException.class)
                        .extracting(e -> ((DirectoryException) e).error()).isEqualTo(DirectoryError.MALFORMED_REQUEST);
            }
        }
    }

    @Test
    void unknownTypesOversizedOwnersAndBadPageSizesAreRefused() {
        assertThat(errorOf(new byte[] {0x42, 0, 0, 0, 1})).isEqualTo(DirectoryError.UNSUPPORTED_REQUEST);
        byte[] owner = new byte[5 + 1 + 65];
        owner[0] = DirectoryRequest.LOOKUP_OWNER;
        owner[5] = 65;
        assertThat(errorOf(owner)).isEqualTo(DirectoryError.FIELD_TOO_LARGE);
        byte[] list = new DirectoryRequest.ListRecords(1, KID, 1).encode();
        list[list.length - 1] = 0;
        assertThat(errorOf(list)).isEqualTo(DirectoryError.MALFORMED_REQUEST);
        byte[] submit = new byte[5 + 9000];
        submit[0] = DirectoryRequest.SUBMIT;
        assertThat(errorOf(submit)).isEqualTo(DirectoryError.FIELD_TOO_LARGE);
    }

    @Test
    void randomBytesNeverEscapeAsAnythingButADirectoryException() {
        Random random = new Random(4);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(40)];
            random.nextBytes(b);
            if (b.length > 0 && random.nextBoolean()) {
                b[0] = (byte) (0x80 | random.nextInt(0x20));
            }
            try {
                DirectoryRequest.decode(b);
            } catch (DirectoryException expected) {
                // specific error
            }
            try {
                DirectoryResponse.decode(b);
            } catch (DirectoryException expected) {
                // specific error
            }
        }
    }

    private static DirectoryError errorOf(byte[] message) {
        try {
            DirectoryRequest.decode(message);
            throw new AssertionError("accepted");
        } catch (DirectoryException e) {
            return e.error();
        }
    }
}
