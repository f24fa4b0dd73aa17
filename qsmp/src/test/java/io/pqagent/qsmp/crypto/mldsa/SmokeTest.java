package io.pqagent.qsmp.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.crypto.SigningKeyPair;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() {
        for (MlDsaParameterSet p : MlDsaParameterSet.values()) {
            SigningKeyPair kp = BouncyCastleReference.keyPair(p, "smoke " + p);
            byte[] sk = kp.signingKey().bytes();
            PreparedMlDsaVerificationKey vk = PreparedMlDsaVerificationKey.prepare(p, kp.verificationKey());
            PreparedMlDsaSigningKey psk = PreparedMlDsaSigningKey.prepare(p, sk);
            Random rnd = new Random(1);
            for (int i = 0; i < 5; i++) {
                byte[] m = new byte[i * 10];
                rnd.nextBytes(m);
                byte[] bc = BouncyCastleReference.sign(p, sk, m);
                assertThat(vk.verify(m, bc)).as("%s verify bc", p).isTrue();
                byte[] ours = psk.sign(m);
                assertThat(ours).as("%s sign", p).isEqualTo(bc);
            }
        }
    }
}
