package io.pqagent.qsmp.crypto;

/**
 * The RCS block function (QSMP-WIRE §5.3): Rijndael with a 256-bit block (Nb = 8, ShiftRows offsets 0/1/3/4),
 * AES S-box and MixColumns, 22 or 30 rounds, round keys from the cSHAKE key schedule (§5.2).
 *
 * <p>A block is eight 32-bit columns; column c holds state bytes 4c .. 4c+3 little-endian (row r in bits
 * 8r .. 8r+7), which is the byte order of the counter block and of the round keys.
 */
interface Rijndael256 {
    /** Encrypts the eight columns of {@code block} in place. */
    void encrypt(int[] block);

    /** An independent instance with the same round keys. */
    Rijndael256 copy();

    /** Zeroizes the round keys. */
    void destroy();
}
