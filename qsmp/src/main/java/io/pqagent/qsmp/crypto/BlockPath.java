package io.pqagent.qsmp.crypto;

/** Which Rijndael-256 implementation an RCS instance uses; both give identical output. */
public enum BlockPath {
    /** Fast round tables; exposed to cache-timing observation by co-resident code (see {@code Rijndael256Table}). */
    TABLE,
    /** Bitsliced, no secret-dependent table index or branch; several times slower. */
    CONSTANT_TIME
}
