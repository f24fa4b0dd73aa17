package io.pqagent.agent.pqs;

import java.util.Arrays;

/**
 * One PQS application message (docs/pqs.md §2). Byte arrays are copied in and out: a message is an immutable
 * value. The passphrase of {@link Login} is the only secret; it is left out of {@code toString()} and the
 * receiver wipes it with {@link Login#wipe()} once verified.
 */
public sealed interface PqsMessage {
    PqsMessageType type();

    /** Client to server, first message of a session. */
    record Login(String user, byte[] passphrase) implements PqsMessage {
        public Login {
            passphrase = passphrase.clone();
        }

        @Override
        public byte[] passphrase() {
            return passphrase.clone();
        }

        public void wipe() {
            Arrays.fill(passphrase, (byte) 0);
        }

        @Override
        public PqsMessageType type() {
            return PqsMessageType.LOGIN;
        }

        @Override
        public String toString() {
            return "Login[user=" + user + ", passphrase=(" + passphrase.length + " bytes)]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Login l && l.user.equals(user) && Arrays.equals(l.passphrase, passphrase);
        }

        @Override
        public int hashCode() {
            return user.hashCode();
        }
    }

    /** Outcome of a login; {@code privilege} is the user's level when accepted, 0 otherwise. */
    record LoginResult(LoginOutcome outcome, int privilege, String text) implements PqsMessage {
        public LoginResult {
            PqsLimits.checkU8("privilege", privilege);
        }

        @Override
        public PqsMessageType type() {
            return PqsMessageType.LOGIN_RESULT;
        }
    }

    /** One command line; {@code id} ties the output and exit status to it. */
    record Command(long id, String line) implements PqsMessage {
        public Command {
            PqsLimits.checkU32("id", id);
        }

        @Override
        public PqsMessageType type() {
            return PqsMessageType.COMMAND;
        }
    }

    /** A chunk of a command's output; {@code stream} 1 = stdout, 2 = stderr. */
    record Output(long id, int stream, byte[] data) implements PqsMessage {
        public Output {
            PqsLimits.checkU32("id", id);
            if (stream != 1 && stream != 2) {
                throw new IllegalArgumentException("output stream " + stream + " is neither 1 nor 2");
            }
            PqsLimits.checkChunk(data.length);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public PqsMessageType type() {
            return PqsMessageType.OUTPUT;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Output x && x.id == id && x.stream == stream && Arrays.equals(x.data, data);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Output[id=" + id + ", stream=" + stream + ", " + data.length + " bytes]";
        }
    }

    /** The end of a command: its exit status (negative when the agent ended it, e.g. -1 on timeout). */
    record ExitStatus(long id, int status) implements PqsMessage {
        public ExitStatus {
            PqsLimits.checkU32("id", id);
        }

        @Override
        public PqsMessageType type() {
            return PqsMessageType.EXIT_STATUS;
        }
    }

    /** A refusal or failure; {@code id} is the command or transfer it concerns, 0 for the session. */
    record Error(long id, PqsErrorCode code, String text) implements PqsMessage {
        public Error {
            PqsLimits.checkU32("id", id);
        }

        @Override
        public PqsMessageType type() {
            return PqsMessageType.ERROR;
        }
    }

    /** A request on a path relative to the user's transfer root: get, ls, mkdir or rm. */
    record FileRequest(PqsMessageType type, long id, String path) implements PqsMessage {
        public FileRequest {
            PqsLimits.checkU32("id", id);
            if (type != PqsMessageType.FILE_GET && type != PqsMessageType.FILE_LS
                    && type != PqsMessageType.FILE_MKDIR && type != PqsMessageType.FILE_RM) {
                throw new IllegalArgumentException(type + " is not a file request");
            }
        }
    }

    /** Announces an upload: its size and SHA3-256; TRANSFER_DATA chunks follow. */
    record FilePut(long id, String path, long size, byte[] sha3) implements PqsMessage {
        public FilePut {
            PqsLimits.checkU32("id", id);
            PqsLimits.checkSize(size);
            PqsLimits.checkHash(sha3);
            sha3 = sha3.clone();
        }

        @Override
        public byte[] sha3() {
            return sha3.clone();
        }

        @Override
        public PqsMessageType type() {
            return PqsMessageType.FILE_PUT;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FilePut p && p.id == id && p.path.equals(path) && p.size == size
                    && Arrays.equals(p.sha3, sha3);
        }

        @Override
        public int hashCode() {
            return path.hashCode() * 31 + Long.hashCode(size);
        }
    }

    /** A chunk of a file at {@code offset}; chunks arrive in order. */
    record TransferData(long id, long offset, byte[] data) implements PqsMessage {
        public TransferData {
            PqsLimits.checkU32("id", id);
            PqsLimits.checkSize(offset);
            PqsLimits.checkChunk(data.length);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public PqsMessageType type() {
            return PqsMessageType.TRANSFER_DATA;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TransferData d && d.id == id && d.offset == offset && Arrays.equals(d.data, data);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(offset) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "TransferData[id=" + id + ", offset=" + offset + ", " + data.length + " bytes]";
        }
    }

    /**
     * Opens a download (sender: server, before its data) or closes a transfer (either side): the size and
     * SHA3-256 of the whole file, and for ls the listing as text.
     */
    record TransferStatus(long id, TransferState state, long size, byte[] sha3, String text) implements PqsMessage {
        public TransferStatus {
            PqsLimits.checkU32("id", id);
            PqsLimits.checkSize(size);
            PqsLimits.checkHash(sha3);
            sha3 = sha3.clone();
        }

        @Override
        public byte[] sha3() {
            return sha3.clone();
        }

        @Override
        public PqsMessageType type() {
            return PqsMessageType.TRANSFER_STATUS;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TransferStatus s && s.id == id && s.state == state && s.size == size
                    && Arrays.equals(s.sha3, sha3) && s.text.equals(text);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id) * 31 + state.hashCode();
        }
    }

    /** Either side ends the session. */
    record Disconnect(String reason) implements PqsMessage {
        @Override
        public PqsMessageType type() {
            return PqsMessageType.DISCONNECT;
        }
    }
}
