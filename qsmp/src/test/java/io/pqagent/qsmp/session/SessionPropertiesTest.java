package io.pqagent.qsmp.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.handshake.Mode;
import io.pqagent.qsmp.wire.QsmpException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sessions over an in-memory link that keeps each direction in order but delays delivery at
 * random, so ratchet requests cross data going the other way. Every message must arrive intact and in
 * order, none rejected (profile rule 6: lossless between our own peers), whether or not the sides
 * compact their ciphers between packets.
 */
class SessionPropertiesTest {
    private static final int MAX_MESSAGE = 64 * 1024;

    @Property(tries = 40)
    void everyMessageArrivesInOrderAcrossRatchets(@ForAll("modes") Mode mode, @ForAll("macs") MacMode mac,
            @ForAll long seed) throws QsmpException {
        Random random = new Random(seed);
        try (SessionPair pair = SessionPair.establish(mode, ParameterSet.DILITHIUM_S1_KYBER_S1, mac, "prop")) {
            Link link = new Link(pair);
            boolean crossed = false;
            for (int round = 0; round < 24; round++) {
                int action = random.nextInt(10);
                if (mode == Mode.DUPLEX && action == 0 && !pair.client().ratchetPending()) {
                    // the connecting side ratchets (rule 6a); the server keeps talking before it hears of it
                    link.c2s.add(random.nextBoolean() ? pair.client().startSymmetricRatchet()
                            : pair.client().startAsymmetricRatchet());
                    link.sendFromServer(message(random));
                    crossed = true;
                } else if (action < 5) {
                    link.sendFromClient(message(random));
                } else {
                    link.sendFromServer(message(random));
                }
                link.deliverSome(random);
                compactSometimes(pair, random);
            }
            link.drain();
            assertThat(link.receivedByServer).containsExactlyElementsOf(link.sentByClient);
            assertThat(link.receivedByClient).containsExactlyElementsOf(link.sentByServer);
            if (mode == Mode.DUPLEX && !crossed) {
                // make sure every Duplex run has at least one request crossing server data
                link.c2s.add(pair.client().startSymmetricRatchet());
                link.sendFromServer(message(random));
                link.drain();
                assertThat(link.receivedByClient).containsExactlyElementsOf(link.sentByServer);
            }
        }
    }

    /** Idle compaction (RcsCipher#compact) must be invisible on the wire, mid-ratchet included. */
    private static void compactSometimes(SessionPair pair, Random random) {
        switch (random.nextInt(6)) {
            case 0 -> pair.client().compact();
            case 1 -> pair.server().compact();
            case 2 -> pair.server().compactIfIdle();
            default -> {
            }
        }
    }

    private static byte[] message(Random random) {
        int size = random.nextInt(8) == 0 ? 1 + random.nextInt(MAX_MESSAGE) : 1 + random.nextInt(300);
        byte[] m = new byte[size];
        random.nextBytes(m);
        return m;
    }

    @Provide
    Arbitrary<Mode> modes() {
        return Arbitraries.of(Mode.values());
    }

    @Provide
    Arbitrary<MacMode> macs() {
        return Arbitraries.of(MacMode.KMAC, MacMode.QMAC);
    }

    /** Two in-order queues; each side answers what it receives (ratchet responses) on its own queue. */
    private static final class Link {
        final SessionPair pair;
        final Deque<byte[]> c2s = new ArrayDeque<>();
        final Deque<byte[]> s2c = new ArrayDeque<>();
        final List<byte[]> sentByClient = new ArrayList<>();
        final List<byte[]> sentByServer = new ArrayList<>();
        final List<byte[]> receivedByClient = new ArrayList<>();
        final List<byte[]> receivedByServer = new ArrayList<>();

        Link(SessionPair pair) {
            this.pair = pair;
        }

        void sendFromClient(byte[] m) {
            sentByClient.add(m);
            c2s.add(pair.client().encrypt(m));
        }

        void sendFromServer(byte[] m) {
            sentByServer.add(m);
            s2c.add(pair.server().encrypt(m));
        }

        void deliverSome(Random random) throws QsmpException {
            for (int n = random.nextInt(3); n > 0 && !c2s.isEmpty(); n--) {
                toServer(c2s.poll());
            }
            for (int n = random.nextInt(3); n > 0 && !s2c.isEmpty(); n--) {
                toClient(s2c.poll());
            }
        }

        void drain() throws QsmpException {
            while (!c2s.isEmpty() || !s2c.isEmpty()) {
                if (!c2s.isEmpty()) {
                    toServer(c2s.poll());
                }
                if (!s2c.isEmpty()) {
                    toClient(s2c.poll());
                }
            }
        }

        private void toServer(byte[] packet) throws QsmpException {
            Received r = pair.server().receive(packet);
            if (r instanceof Received.Data d) {
                receivedByServer.add(d.message());
            } else if (r instanceof Received.RatchetCompleted rc && rc.reply() != null) {
                s2c.add(rc.reply());
            }
        }

        private void toClient(byte[] packet) throws QsmpException {
            Received r = pair.client().receive(packet);
            if (r instanceof Received.Data d) {
                receivedByClient.add(d.message());
            } else if (r instanceof Received.RatchetCompleted rc && rc.reply() != null) {
                c2s.add(rc.reply());
            }
        }
    }
}
