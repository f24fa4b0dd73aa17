package io.pqagent.keystore;

/**
 * Every way opening, sealing or rotating an identity can fail. A failure never changes the file concerned;
 * the exception's detail names the file and the field or value at fault.
 */
public enum KeystoreError {
    /** AES-GCM authenticates key and data together: a wrong key and an altered byte give the same failure. */
    WRONG_PASSPHRASE_OR_TAMPERED("the passphrase (or key file) is wrong, or the file was altered: "
            + "authenticated decryption cannot tell these apart"),
    TRUNCATED("the file ends before its header says it does (a partial write or a truncated copy)"),
    TRAILING_BYTES("the file is longer than its header says"),
    NOT_A_KEYSTORE_FILE("the file is not a sealed pqagent key file (wrong magic bytes)"),
    UNSUPPORTED_VERSION("the sealed file's format version is not one this program reads"),
    UNSUPPORTED_ALGORITHM("the sealed file names a key derivation or cipher this program does not implement"),
    WRONG_CONTENT_TYPE("the sealed file holds another kind of secret than the one asked for"),
    PARAMETERS_OUT_OF_RANGE("a parameter in the sealed file is outside the range this program accepts"),
    WRONG_UNLOCK_METHOD("the file is sealed with the other unlock method (passphrase versus key file)"),
    WRONG_KEY_FILE("the key file is not the one this file was sealed with"),
    BAD_KEY_FILE("the key file is not a key file: it must hold exactly 32 bytes"),
    INSECURE_PERMISSIONS("the file or its directory grants access to group or others"),
    MALFORMED_CONTENT("the decrypted content is not a valid identity"),
    WRONG_CONFIGURATION("the key's configuration is not the one this store is set up for"),
    EXPIRED("the key has expired"),
    BAD_REFERENCE_KEY_FILE("the .qskey or .qpkey file is not valid"),
    NO_IDENTITY("no identity exists in the store"),
    IDENTITY_EXISTS("an identity already exists in the store"),
    ROTATION_OUT_OF_ORDER("this rotation step is not the next one"),
    OVERLAP_NOT_OVER("the overlap window of the rotation has not ended yet"),
    PUBLISH_FAILED("publishing the next identity failed"),
    IO_FAILURE("reading or writing the file failed");

    private final String message;

    KeystoreError(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
