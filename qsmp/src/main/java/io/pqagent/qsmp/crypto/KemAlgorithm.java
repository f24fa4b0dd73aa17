package io.pqagent.qsmp.crypto;

import org.bouncycastle.crypto.params.CMCEParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;

/** The KEMs QSMP can be built with, with the sizes of QSMP-WIRE §1.4. */
public enum KemAlgorithm {
    ML_KEM_512(800, 1632, 768, false),
    ML_KEM_768(1184, 2400, 1088, false),
    ML_KEM_1024(1568, 3168, 1568, false),
    MCELIECE_460896(524160, 13608, 188, true),
    MCELIECE_6688128(1044992, 13932, 240, true),
    MCELIECE_6960119(1047319, 13948, 226, true),
    MCELIECE_8192128(1357824, 14120, 240, true);

    private final int publicKeySize;
    private final int privateKeySize;
    private final int ciphertextSize;
    private final boolean flagged;
    private volatile Kem instance;

    KemAlgorithm(int publicKeySize, int privateKeySize, int ciphertextSize, boolean flagged) {
        this.publicKeySize = publicKeySize;
        this.privateKeySize = privateKeySize;
        this.ciphertextSize = ciphertextSize;
        this.flagged = flagged;
    }

    public int publicKeySize() {
        return publicKeySize;
    }

    public int privateKeySize() {
        return privateKeySize;
    }

    public int ciphertextSize() {
        return ciphertextSize;
    }

    public boolean flagged() {
        return flagged;
    }

    public Kem instance() {
        Kem k = instance;
        if (k == null) {
            k = create();
            instance = k;
        }
        return k;
    }

    private Kem create() {
        return switch (this) {
            case ML_KEM_512 -> mlKem(MLKEMParameters.ml_kem_512);
            case ML_KEM_768 -> mlKem(MLKEMParameters.ml_kem_768);
            case ML_KEM_1024 -> mlKem(MLKEMParameters.ml_kem_1024);
            case MCELIECE_460896 -> mcEliece(CMCEParameters.mceliece460896pc);
            case MCELIECE_6688128 -> mcEliece(CMCEParameters.mceliece6688128pc);
            case MCELIECE_6960119 -> mcEliece(CMCEParameters.mceliece6960119pc);
            case MCELIECE_8192128 -> mcEliece(CMCEParameters.mceliece8192128pc);
        };
    }

    private Kem mlKem(MLKEMParameters p) {
        return new MlKem(this, p);
    }

    private Kem mcEliece(CMCEParameters p) {
        return new McEliecePc(this, p);
    }
}
