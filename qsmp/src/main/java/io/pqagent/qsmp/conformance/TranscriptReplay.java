package io.pqagent.qsmp.conformance;

import io.pqagent.qsmp.crypto.Cshake;
import io.pqagent.qsmp.crypto.MacMode;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.crypto.ShakeEntropy;
import io.pqagent.qsmp.handshake.DuplexClientHandshake;
import io.pqagent.qsmp.handshake.DuplexServerHandshake;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.handshake.KeyQuery;
import io.pqagent.qsmp.handshake.SimplexClientHandshake;
import io.pqagent.qsmp.handshake.SimplexServerHandshake;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.Qpkey;
import io.pqagent.qsmp.keys.Qskey;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.wire.Clock;
import io.pqagent.qsmp.wire.Flag;
import io.pqagent.qsmp.wire.QsmpConstants;
import io.pqagent.qsmp.wire.QsmpError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * Replays a reference transcript with both of our sides, each driven by its recorded seed and the
 * fixed clock. Our client must emit every packet the C client sent and our server every packet the
 * C server sent, byte for byte; each side consumes the bytes the C peer actually put on the wire
 * (tampered ones included), must deliver the recorded plaintexts, and in negative cases must fail with
 * the recorded code and send what profile rule 8 says. Key files and key-derivation outputs are
 * compared too.
 */
public final class TranscriptReplay implements ConformanceCheck {
    private final Transcript t;
    private final String id;
    private final List<String> problems = new ArrayList<>();

    public TranscriptReplay(Transcript transcript, String id) {
        this.t = transcript;
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public CheckOutcome run() {
        ParameterSet set = ParameterSet.byText(t.config().text()).orElse(null);
        if (set == null) {
            return CheckOutcome.skip("configuration " + t.config().text() + " is not supported");
        }
        ReplayPeer[] peers = peers(set);
        if (!problems.isEmpty()) {
            return CheckOutcome.fail(String.join("; ", problems));
        }
        ReplayPeer client = peers[0];
        ReplayPeer server = peers[1];
        ScriptedSender script = new ScriptedSender(t);
        for (TranscriptPacket p : t.packets()) {
            ReplayPeer sender = p.direction().sender() == Side.CLIENT ? client : server;
            ReplayPeer receiver = sender == client ? server : client;
            if (!emitted(sender, p, script)) {
                break;
            }
            if (!receiver.finished() && !p.receiverRead().startsWith("not read")) {
                receiver.receive(p.wireBytes());
            }
        }
        checkEnd(client, server);
        checkKdfEpochs();
        return problems.isEmpty() ? CheckOutcome.pass() : CheckOutcome.fail(String.join("; ", problems));
    }

    /** Compares what {@code sender} emits for packet {@code p} with what the C side sent. */
    private boolean emitted(ReplayPeer sender, TranscriptPacket p, ScriptedSender script) {
        if (sender.outbox.isEmpty() && !sender.finished()) {
            byte[] made = script.produce(sender, p);
            if (made != null) {
                sender.outbox.add(made);
            }
        }
        byte[] expected = p.tampered() ? p.tamperedOriginal() : p.wireBytes();
        if (sender.outbox.isEmpty()) {
            if (isReceiveFailureArtefact(sender, p)) {
                return true; // profile rule 8: we do not answer an error packet with our own
            }
            problems.add(where(p) + ": our " + sender.side.jsonName() + " sent nothing"
                    + (sender.failure != null ? " (it failed: " + sender.failureDetail + ")" : ""));
            return false;
        }
        byte[] ours = sender.outbox.poll();
        if (!Arrays.equals(ours, expected)) {
            problems.add(where(p) + ": our " + sender.side.jsonName() + " sent different bytes"
                    + firstDifference(ours, expected));
            return false;
        }
        return true;
    }

    /** The C client answers an error packet with its own receive_failure (0x19); we must not. */
    private static boolean isReceiveFailureArtefact(ReplayPeer sender, TranscriptPacket p) {
        return sender.failure != null && p.flagCode() == Flag.ERROR_CONDITION.code()
                && p.payload().length == 1 && p.payload()[0] == QsmpError.RECEIVE_FAILURE.wireByte();
    }

    private ReplayPeer[] peers(ParameterSet set) {
        Clock clock = Clock.fixed(t.utctime());
        long expiration = t.utctime() + QsmpConstants.PUBKEY_DURATION_SECONDS;
        ShakeEntropy ce = new ShakeEntropy(t.seeds().client());
        ShakeEntropy se = new ShakeEntropy(t.seeds().server());
        HandshakeContext cc = new HandshakeContext(set, MacMode.KMAC, clock, ce);
        HandshakeContext sc = new HandshakeContext(set, MacMode.KMAC, clock, se);
        boolean duplex = t.mode() == TranscriptMode.DUPLEX;
        SigningKeyRecord clientKey = duplex ? KeyGeneration.generate(set, KeyId.random(ce), expiration, ce) : null;
        SigningKeyRecord serverKey = KeyGeneration.generate(set, KeyId.random(se), expiration, se);
        compareKeyFiles(Side.CLIENT, clientKey);
        compareKeyFiles(Side.SERVER, serverKey);
        if (duplex) {
            return new ReplayPeer[] {
                new ReplayPeer(Side.CLIENT, cc, new DuplexClientHandshake(cc, clientKey, serverKey.publicRecord())),
                new ReplayPeer(Side.SERVER, sc, new DuplexServerHandshake(sc, serverKey,
                        KeyQuery.of(clientKey.verificationKey()), null))};
        }
        return new ReplayPeer[] {
            new ReplayPeer(Side.CLIENT, cc, new SimplexClientHandshake(cc, serverKey.publicRecord())),
            new ReplayPeer(Side.SERVER, sc, new SimplexServerHandshake(sc, serverKey))};
    }

    private void compareKeyFiles(Side side, SigningKeyRecord ours) {
        LongTermKeys recorded = t.keys().get(side);
        if (ours == null || recorded == null) {
            return;
        }
        if (!Arrays.equals(Qskey.encode(ours), recorded.qskeyFile())) {
            problems.add(side.jsonName() + " .qskey differs from the reference's");
        }
        if (!Arrays.equals(Qpkey.encodeFile(ours.publicRecord()), recorded.qpkeyFile())) {
            problems.add(side.jsonName() + " .qpkey differs from the reference's");
        }
    }

    /** After the last packet: deliveries, failures and leftovers must match the recording. */
    private void checkEnd(ReplayPeer client, ReplayPeer server) {
        for (ReplayPeer peer : List.of(client, server)) {
            List<byte[]> expected = t.applicationMessages().stream()
                    .filter(m -> m.side() == peer.side && m.delivered()).map(ApplicationMessage::data).toList();
            if (peer.delivered.size() != expected.size()) {
                problems.add("our " + peer.side.jsonName() + " delivered " + peer.delivered.size()
                        + " messages, the reference " + expected.size());
            } else {
                for (int i = 0; i < expected.size(); i++) {
                    if (!Arrays.equals(peer.delivered.get(i), expected.get(i))) {
                        problems.add("our " + peer.side.jsonName() + " delivered a different message #" + i);
                    }
                }
            }
            if (!peer.outbox.isEmpty()) {
                problems.add("our " + peer.side.jsonName() + " had " + peer.outbox.size() + " unsent packets left");
            }
            QsmpError want = expectedFailure(peer.side);
            if (want != peer.failure) {
                problems.add("our " + peer.side.jsonName() + " ended with " + (peer.failure == null ? "no error"
                        : peer.failure.protocolName()) + ", expected " + (want == null ? "no error" : want.protocolName()));
            }
        }
    }

    /**
     * The code each side must end with: the server's own recorded failure; for the client, the code of
     * the error packet the server sent (profile rule 8: it reports the peer's code, not receive_failure).
     */
    private QsmpError expectedFailure(Side side) {
        if (side == Side.SERVER) {
            return t.outcome().server().stream()
                    .filter(e -> e.ret() != null && e.ret() != QsmpError.NONE.code())
                    .map(e -> QsmpError.fromCode(e.ret()).orElseThrow())
                    .findFirst().orElse(null);
        }
        return t.packets().stream()
                .filter(p -> p.direction() == PacketDirection.S2C && p.flagCode() == Flag.ERROR_CONDITION.code())
                .map(p -> QsmpError.fromCode(p.payload()[0] & 0xFF).orElseThrow())
                .findFirst().orElse(null);
    }

    /** Every recorded cSHAKE epoch must come out of our KDF with the same bytes. */
    private void checkKdfEpochs() {
        for (Side side : Side.values()) {
            SideSecrets s = t.secrets().get(side);
            if (s == null) {
                continue;
            }
            for (KdfEpoch e : s.kdfEpochs()) {
                byte[] out = Cshake.derive(e.rate(), e.x(), e.n(), e.s(), e.output().length + e.rtcsAfter().length);
                byte[] rtcs = Arrays.copyOfRange(out, e.output().length, out.length);
                if (!Arrays.equals(Arrays.copyOf(out, e.output().length), e.output()) || !Arrays.equals(rtcs, e.rtcsAfter())) {
                    problems.add(side.jsonName() + " KDF epoch " + e.trigger() + " differs");
                }
            }
        }
    }

    private String where(TranscriptPacket p) {
        return "packet " + p.index() + " (" + p.direction().jsonName() + " " + p.step() + ")";
    }

    private static String firstDifference(byte[] ours, byte[] expected) {
        int n = Math.min(ours.length, expected.length);
        for (int i = 0; i < n; i++) {
            if (ours[i] != expected[i]) {
                return " at byte " + i + " (ours " + HexFormat.of().toHexDigits(ours[i]) + ", reference "
                        + HexFormat.of().toHexDigits(expected[i]) + ")";
            }
        }
        return ": length " + ours.length + " vs " + expected.length;
    }

    /** Iterates the messages one side's application sent, in order. */
    static final class ScriptedSender {
        private final Iterator<ApplicationMessage> clientSends;
        private final Iterator<ApplicationMessage> serverSends;

        ScriptedSender(Transcript t) {
            clientSends = t.sentBy(Side.CLIENT).iterator();
            serverSends = t.sentBy(Side.SERVER).iterator();
        }

        /** Performs the action that made the C side send {@code p}; null if it is a reply already queued. */
        byte[] produce(ReplayPeer peer, TranscriptPacket p) {
            Flag flag = Flag.fromCode(p.flagCode()).orElse(Flag.NONE);
            return switch (flag) {
                case CONNECT_REQUEST -> {
                    peer.take(peer.start());
                    yield peer.outbox.poll();
                }
                case ENCRYPTED_MESSAGE -> peer.session().encrypt(
                        (peer.side == Side.CLIENT ? clientSends : serverSends).next().data());
                case KEEP_ALIVE_REQUEST -> peer.session().sendKeepAlive();
                case SYMMETRIC_RATCHET_REQUEST -> peer.session().startSymmetricRatchet();
                case ASYMMETRIC_RATCHET_REQUEST -> peer.session().startAsymmetricRatchet();
                case CONNECTION_TERMINATE -> peer.session().terminate();
                default -> null;
            };
        }
    }
}
