package io.pqagent.agent.pqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PqsCodecTest {
    private static final byte[] HASH = new byte[32];

    static {
        Arrays.fill(HASH, (byte) 0x5A);
    }

    @Test
    void everyMessageTypeRoundTrips() {
        List<PqsMessage> all = List.of(
                new PqsMessage.Login("ops", "correct horse".getBytes(StandardCharsets.UTF_8)),
                new PqsMessage.LoginResult(LoginOutcome.ACCEPTED, 2, "welcome"),
                new PqsMessage.Command(0xFFFF_FFFFL, "status"),
                new PqsMessage.Output(7, 2, new byte[PqsLimits.MAX_CHUNK]),
                new PqsMessage.ExitStatus(7, -1),
                new PqsMessage.Error(0, PqsErrorCode.METACHARACTER, "';' is not allowed"),
                new PqsMessage.FileRequest(PqsMessageType.FILE_GET, 3, "logs/a.txt"),
                new PqsMessage.FileRequest(PqsMessageType.FILE_LS, 4, "."),
                new PqsMessage.FileRequest(PqsMessageType.FILE_MKDIR, 5, "new"),
                new PqsMessage.FileRequest(PqsMessageType.FILE_RM, 6, "old"),
                new PqsMessage.FilePut(8, "up.bin", 5L << 20, HASH),
                new PqsMessage.TransferData(8, 4096, new byte[] {1, 2, 3}),
                new PqsMessage.TransferStatus(8, TransferState.DONE, 5L << 20, HASH, ""),
                new PqsMessage.Disconnect("bye"));
        assertThat(all.stream().map(PqsMessage::type).distinct()).hasSize(PqsMessageType.values().length);
        for (PqsMessage m : all) {
            byte[] wire = PqsCodec.encode(m);
            assertThat(wire[0] & 0xFF).isEqualTo(m.type().code());
            assertThat(PqsCodec.decode(wire)).isEqualTo(m);
        }
    }

    @Test
    void commandLayoutIsTypeIdLengthText() {
        byte[] wire = PqsCodec.encode(new PqsMessage.Command(0x01020304L, "ls"));
        assertThat(wire).containsExactly(0x03, 1, 2, 3, 4, 0, 2, 'l', 's');
    }

    @Test
    void everyTruncationIsRefusedWithAFormatError() {
        byte[] wire = PqsCodec.encode(new PqsMessage.TransferStatus(9, TransferState.BEGIN, 10, HASH, "x"));
        for (int n = 0; n < wire.length; n++) {
            byte[] cut = Arrays.copyOf(wire, n);
            assertThatThrownBy(() -> PqsCodec.decode(cut)).isInstanceOf(PqsFormatException.class);
        }
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] wire = PqsCodec.encode(new PqsMessage.ExitStatus(1, 0));
        byte[] longer = Arrays.copyOf(wire, wire.length + 1);
        assertThatThrownBy(() -> PqsCodec.decode(longer)).isInstanceOf(PqsFormatException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void unknownTypeAndOversizeAreRefused() {
        assertThatThrownBy(() -> PqsCodec.decode(new byte[] {0x7F})).isInstanceOf(PqsFormatException.class)
                .hasMessageContaining("0x7f");
        assertThatThrownBy(() -> PqsCodec.decode(new byte[PqsLimits.MAX_MESSAGE + 1]))
                .isInstanceOf(PqsFormatException.class);
        byte[] bigChunk = new byte[1 + 4 + 8 + PqsLimits.MAX_CHUNK + 1];
        bigChunk[0] = 0x0C;
        assertThatThrownBy(() -> PqsCodec.decode(bigChunk)).isInstanceOf(PqsFormatException.class)
                .hasMessageContaining("chunk");
    }

    @Test
    void aDeclaredLengthBeyondTheLimitIsRefusedBeforeReading() {
        // LOGIN with a 0xFFFF-byte passphrase claimed and nothing behind it
        byte[] wire = {0x01, 1, 'a', (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> PqsCodec.decode(wire)).isInstanceOf(PqsFormatException.class)
                .hasMessageContaining("passphrase of 65535 bytes exceeds");
    }

    @Test
    void invalidUtf8AndOutOfRangeSizesAreRefused() {
        byte[] badText = {0x03, 0, 0, 0, 1, 0, 1, (byte) 0xC3};
        assertThatThrownBy(() -> PqsCodec.decode(badText)).isInstanceOf(PqsFormatException.class)
                .hasMessageContaining("UTF-8");
        byte[] wire = PqsCodec.encode(new PqsMessage.TransferData(1, 0, new byte[0]));
        wire[5] = (byte) 0x80; // offset with the top bit set
        assertThatThrownBy(() -> PqsCodec.decode(wire)).isInstanceOf(PqsFormatException.class)
                .hasMessageContaining("offset");
    }

    @Test
    void thePassphraseStaysOutOfToString() {
        PqsMessage.Login login = new PqsMessage.Login("ops", "s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(login.toString()).doesNotContain("s3cret").contains("6 bytes");
    }
}
