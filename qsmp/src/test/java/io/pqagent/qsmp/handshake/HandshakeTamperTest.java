package io.pqagent.qsmp.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.session.Received;
import io.pqagent.qsmp.session.Session;
import io.pqagent.qsmp.wire.ErrorPacket;
import io.pqagent.qsmp.wire.Limits;
import io.pqagent.qsmp.wire.QsmpException;
import io.pqagent.qsmp.wire.QsmpError;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Flips one bit of one handshake packet at a time, for every packet of both modes under two parameter
 * sets: every bit of the header and of the fixed-size fields (key id, configuration, hashes) and 256
 * seeded random bits of each variable field (signatures, KEM keys and ciphertexts, encrypted cookies).
 * Each flip must end exactly as the reference ends: the receiver fails with the reference's code and
 * sends the matching error packet, or, for the bits nothing protects (utctime within the window in
 * Simplex's unsigned packets), the handshake completes with working keys. Never an exception.
 */
class HandshakeTamperTest {
    private static final int RANDOM_BITS_PER_VARIABLE_FIELD = 256;

    static Stream<Arguments> packets() {
        List<Arguments> out = new ArrayList<>();
        for (ParameterSet set : List.of(ParameterSet.DILITHIUM_S1_KYBER_S1, ParameterSet.DILITHIUM_S5_KYBER_S5)) {
            for (Mode mode : Mode.values()) {
                for (int p = 0; p < TamperOracle.packetCount(mode); p++) {
                    out.add(Arguments.of(set, mode, p));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} packet {2}")
    @MethodSource("packets")
    void everyFlipEndsAsTheReferenceWould(ParameterSet set, Mode mode, int packet) {
        HandshakeRun honest = new HandshakeRun(mode, set, MacMode.KMAC, "tamper").run();
        assertThat(honest.established()).isTrue();
        int length = honest.sent.get(packet).length;
        SplittableRandom random = new SplittableRandom(31L * packet + mode.ordinal() + 7L * set.ordinal());
        List<int[]> flips = new ArrayList<>(); // {bit index, expected code or -1, field number}
        List<String> names = new ArrayList<>();
        names.add("header");
        for (int i = 0; i < TamperOracle.HEADER * 8; i++) {
            flips.add(new int[] {i, code(TamperOracle.headerBit(mode, packet, i / 8, i % 8)), 0});
        }
        for (TamperOracle.Field f : TamperOracle.payloadFields(mode, packet, set)) {
            assertThat(f.offset() + f.length()).isLessThanOrEqualTo(length);
            names.add(f.name());
            int bits = f.length() * 8;
            boolean sample = f.variable() && bits > RANDOM_BITS_PER_VARIABLE_FIELD;
            for (int k = 0; k < (sample ? RANDOM_BITS_PER_VARIABLE_FIELD : bits); k++) {
                int bit = f.offset() * 8 + (sample ? random.nextInt(bits) : k);
                flips.add(new int[] {bit, code(f.code()), names.size() - 1});
            }
        }
        // independent runs: use every core
        flips.parallelStream().forEach(f -> check(set, mode, packet, f[0],
                f[1] < 0 ? null : QsmpError.fromCode(f[1]).orElseThrow(), names.get(f[2])));
        assertThat(flips.size()).isGreaterThanOrEqualTo(TamperOracle.HEADER * 8);
    }

    private static int code(QsmpError e) {
        return e == null ? -1 : e.code();
    }

    /** Unprotected bits must leave both sides with the same keys: one message each way goes through. */
    private static void assertKeysAgree(HandshakeRun run, String what) {
        try (Session client = new Session(run.clientDone.result(), run.clientContext, Limits.DEFAULT);
                Session server = new Session(run.serverDone.result(), run.serverContext, Limits.DEFAULT)) {
            byte[] ping = {1, 2, 3};
            assertThat(((Received.Data) server.receive(client.encrypt(ping))).message()).as(what).isEqualTo(ping);
            assertThat(((Received.Data) client.receive(server.encrypt(ping))).message()).as(what).isEqualTo(ping);
        } catch (QsmpException e) {
            throw new AssertionError(what + ": keys differ after an unprotected flip", e);
        }
    }

    private static void check(ParameterSet set, Mode mode, int packet, int bitIndex, QsmpError expected, String field) {
        HandshakeRun run = new HandshakeRun(mode, set, MacMode.KMAC, "tamper")
                .run(packet, p -> {
                    p[bitIndex / 8] ^= (byte) (1 << (bitIndex % 8));
                    return p;
                });
        String what = mode + " packet " + packet + " " + field + " bit " + bitIndex;
        if (expected == null) {
            assertThat(run.failure).as(what + " should complete").isNull();
            assertThat(run.established()).as(what).isTrue();
            assertKeysAgree(run, what);
            return;
        }
        assertThat(run.failure).as(what + " should fail").isNotNull();
        assertThat(run.failure.error()).as(what).isEqualTo(expected);
        // the receiving side fails: the server for client packets (even indexes), the client otherwise
        assertThat(run.failedAtServer).as(what + " fails at the receiver").isEqualTo(packet % 2 == 0);
        assertThat(run.failure.errorPacket()).as(what + " error packet")
                .isEqualTo(ErrorPacket.of(expected, HandshakeRun.NOW).encode());
    }
}
