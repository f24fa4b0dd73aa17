package io.pqagent.qsmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.PublicKeyRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listener offers every peer key, but only to a caller that presents the listener's own key id. */
class PeerKeyQueryTest {
    private static final KeyId OWN = KeyId.fromHex("0102030405060708090a0b0c0d0e0f10");

    @Test
    void theListenersOwnKeyIdGetsEveryPeerKey() {
        List<PublicKeyRecord> peers = List.of(peer(), peer());
        PeerKeyQuery query = new PeerKeyQuery(OWN, peers);
        List<byte[]> candidates = query.candidates(OWN.bytes(), null);
        assertThat(candidates).containsExactly(peers.get(0).verificationKey(), peers.get(1).verificationKey());
        candidates.get(0)[0] ^= 1; // a caller cannot change what the next query returns
        assertThat(query.candidates(OWN.bytes(), null).get(0)).isEqualTo(peers.get(0).verificationKey());
    }

    @Test
    void anyOtherKeyIdGetsNoneSoTheAnswerIsKeyUnrecognized() {
        PeerKeyQuery query = new PeerKeyQuery(OWN, List.of(peer()));
        byte[] other = OWN.bytes();
        other[15] ^= 1;
        assertThat(query.candidates(other, null)).isEmpty();
        assertThat(query.candidates(new byte[3], null)).isEmpty();
    }

    private static PublicKeyRecord peer() {
        EntropySource entropy = EntropySource.system();
        return KeyGeneration.generate(ParameterSet.DILITHIUM_S1_KYBER_S1, KeyId.random(entropy), 4_000_000_000L,
                entropy).publicRecord();
    }
}
