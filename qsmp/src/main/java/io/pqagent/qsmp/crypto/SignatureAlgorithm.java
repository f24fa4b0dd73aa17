package io.pqagent.qsmp.crypto;

import io.pqagent.qsmp.crypto.mldsa.MlDsaParameterSet;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.pqc.legacy.sphincsplus.SPHINCSPlusParameters;

/** The signature schemes QSMP can be built with, with the sizes of QSMP-WIRE §1.4. */
public enum SignatureAlgorithm {
    ML_DSA_44(1312, 2560, 2420, false),
    ML_DSA_65(1952, 4032, 3309, false),
    ML_DSA_87(2592, 4896, 4627, false),
    SPHINCS_SHAKE_128F(32, 64, 17088, true),
    SPHINCS_SHAKE_128S(32, 64, 7856, true),
    SPHINCS_SHAKE_192F(48, 96, 35664, true),
    SPHINCS_SHAKE_192S(48, 96, 16224, true),
    SPHINCS_SHAKE_256F(64, 128, 49856, true),
    SPHINCS_SHAKE_256S(64, 128, 29792, true);

    private final int verificationKeySize;
    private final int signingKeySize;
    private final int signatureSize;
    private final boolean flagged;
    private volatile Signer instance;

    SignatureAlgorithm(int verificationKeySize, int signingKeySize, int signatureSize, boolean flagged) {
        this.verificationKeySize = verificationKeySize;
        this.signingKeySize = signingKeySize;
        this.signatureSize = signatureSize;
        this.flagged = flagged;
    }

    public int verificationKeySize() {
        return verificationKeySize;
    }

    public int signingKeySize() {
        return signingKeySize;
    }

    public int signatureSize() {
        return signatureSize;
    }

    public boolean flagged() {
        return flagged;
    }

    public Signer instance() {
        Signer s = instance;
        if (s == null) {
            s = create();
            instance = s;
        }
        return s;
    }

    private Signer create() {
        return switch (this) {
            case ML_DSA_44 -> new MlDsa(this, MLDSAParameters.ml_dsa_44, MlDsaParameterSet.ML_DSA_44);
            case ML_DSA_65 -> new MlDsa(this, MLDSAParameters.ml_dsa_65, MlDsaParameterSet.ML_DSA_65);
            case ML_DSA_87 -> new MlDsa(this, MLDSAParameters.ml_dsa_87, MlDsaParameterSet.ML_DSA_87);
            case SPHINCS_SHAKE_128F -> sphincs(SPHINCSPlusParameters.shake_128f);
            case SPHINCS_SHAKE_128S -> sphincs(SPHINCSPlusParameters.shake_128s);
            case SPHINCS_SHAKE_192F -> sphincs(SPHINCSPlusParameters.shake_192f);
            case SPHINCS_SHAKE_192S -> sphincs(SPHINCSPlusParameters.shake_192s);
            case SPHINCS_SHAKE_256F -> sphincs(SPHINCSPlusParameters.shake_256f);
            case SPHINCS_SHAKE_256S -> sphincs(SPHINCSPlusParameters.shake_256s);
        };
    }

    private Signer sphincs(SPHINCSPlusParameters p) {
        return new SphincsPlus(this, p);
    }
}
