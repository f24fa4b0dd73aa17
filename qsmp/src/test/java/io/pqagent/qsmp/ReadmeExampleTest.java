package io.pqagent.qsmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.handshake.DuplexClientHandshake;
import io.pqagent.qsmp.handshake.DuplexServerHandshake;
import io.pqagent.qsmp.handshake.HandshakeContext;
import io.pqagent.qsmp.handshake.KeyQuery;
import io.pqagent.qsmp.handshake.Step;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import io.pqagent.qsmp.session.Received;
import io.pqagent.qsmp.session.Session;
import io.pqagent.qsmp.wire.Limits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's example, kept compiling and true. */
class ReadmeExampleTest {

    @Test
    void readmeExampleRuns() throws Exception {
        ParameterSet params = ParameterSet.DEFAULT; // ML-DSA-87 + ML-KEM-1024, KMAC-authenticated RCS
        HandshakeContext ctx = HandshakeContext.defaults(params); // system entropy and clock
        long expiry = KeyGeneration.defaultExpiration(ctx.clock());
        SigningKeyRecord clientKey = KeyGeneration.generate(params, KeyId.random(ctx.entropy()), expiry, ctx.entropy());
        SigningKeyRecord serverKey = KeyGeneration.generate(params, KeyId.random(ctx.entropy()), expiry, ctx.entropy());

        DuplexClientHandshake client = new DuplexClientHandshake(ctx, clientKey, serverKey.publicRecord());
        DuplexServerHandshake server = new DuplexServerHandshake(ctx, serverKey,
                KeyQuery.of(clientKey.verificationKey()), null); // candidates for the caller (profile rule 7)

        Step toServer = client.start();                                          // connect request
        Step toClient = server.process(((Step.Send) toServer).packet());         // connect response
        toServer = client.process(((Step.Send) toClient).packet());              // exchange request
        toClient = server.process(((Step.Send) toServer).packet());              // exchange response
        toServer = client.process(((Step.Send) toClient).packet());              // establish request
        Step.Established serverDone = (Step.Established) server.process(((Step.Send) toServer).packet());
        Step.Established clientDone = (Step.Established) client.process(serverDone.packet()); // establish response

        Session alice = new Session(clientDone.result(), ctx, Limits.DEFAULT);
        Session bob = new Session(serverDone.result(), ctx, Limits.DEFAULT);
        byte[] packet = alice.encrypt("setpoint 42".getBytes(StandardCharsets.UTF_8));
        Received got = bob.receive(packet);                                      // Received.Data("setpoint 42")
        byte[] ratchet = alice.startSymmetricRatchet();                          // new keys both ways
        bob.receive(ratchet);

        assertThat(((Received.Data) got).message()).asString(StandardCharsets.UTF_8).isEqualTo("setpoint 42");
        assertThat(((Received.Data) bob.receive(alice.encrypt(new byte[] {7}))).message()).containsExactly(7);
    }
}
