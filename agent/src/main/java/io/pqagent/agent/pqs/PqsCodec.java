package io.pqagent.agent.pqs;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * PQS application messages to and from the plaintext of one Simplex message (docs/pqs.md §2): a type byte,
 * then the fields in big-endian order; strings are a length (u8 for the user name, u16 otherwise) and UTF-8.
 * Parsing checks every length against what remains before reading it, and rejects trailing bytes.
 */
public final class PqsCodec {
    private PqsCodec() {
    }

    public static byte[] encode(PqsMessage message) {
        ByteBuffer b = ByteBuffer.allocate(PqsLimits.MAX_MESSAGE);
        b.put((byte) message.type().code());
        if (message instanceof PqsMessage.Login m) {
            putString8(b, m.user(), PqsLimits.MAX_USER);
            byte[] p = m.passphrase();
            try {
                putBytes16(b, p, PqsLimits.MAX_PASSPHRASE, "passphrase");
            } finally {
                java.util.Arrays.fill(p, (byte) 0);
            }
        } else if (message instanceof PqsMessage.LoginResult m) {
            b.put((byte) m.outcome().code());
            b.put((byte) m.privilege());
            putString16(b, m.text());
        } else if (message instanceof PqsMessage.Command m) {
            b.putInt((int) m.id());
            putString16(b, m.line());
        } else if (message instanceof PqsMessage.Output m) {
            b.putInt((int) m.id());
            b.put((byte) m.stream());
            b.put(m.data());
        } else if (message instanceof PqsMessage.ExitStatus m) {
            b.putInt((int) m.id());
            b.putInt(m.status());
        } else if (message instanceof PqsMessage.Error m) {
            b.putInt((int) m.id());
            b.putShort((short) m.code().code());
            putString16(b, m.text());
        } else if (message instanceof PqsMessage.FileRequest m) {
            b.putInt((int) m.id());
            putString16(b, m.path());
        } else if (message instanceof PqsMessage.FilePut m) {
            b.putInt((int) m.id());
            putString16(b, m.path());
            b.putLong(m.size());
            b.put(m.sha3());
        } else if (message instanceof PqsMessage.TransferData m) {
            b.putInt((int) m.id());
            b.putLong(m.offset());
            b.put(m.data());
        } else if (message instanceof PqsMessage.TransferStatus m) {
            b.putInt((int) m.id());
            b.put((byte) m.state().code());
            b.putLong(m.size());
            b.put(m.sha3());
            putString16(b, m.text());
        } else if (message instanceof PqsMessage.Disconnect m) {
            putString16(b, m.reason());
        } else {
            throw new IllegalStateException("unencodable " + message.type());
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        java.util.Arrays.fill(b.array(), (byte) 0); // the buffer may have held a passphrase
        return out;
    }

    /** @throws PqsFormatException for anything that is not exactly one well-formed message */
    public static PqsMessage decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new PqsFormatException("empty PQS message");
        }
        if (bytes.length > PqsLimits.MAX_MESSAGE) {
            throw new PqsFormatException("PQS message of " + bytes.length + " bytes exceeds " + PqsLimits.MAX_MESSAGE);
        }
        Reader r = new Reader(bytes);
        PqsMessageType type = PqsMessageType.of(r.u8());
        PqsMessage m = switch (type) {
            case LOGIN -> new PqsMessage.Login(r.string8(PqsLimits.MAX_USER, "user"),
                    r.bytes16(PqsLimits.MAX_PASSPHRASE, "passphrase"));
            case LOGIN_RESULT -> new PqsMessage.LoginResult(LoginOutcome.of(r.u8()), r.u8(), r.string16("text"));
            case COMMAND -> new PqsMessage.Command(r.u32(), r.string16("command line"));
            case OUTPUT -> {
                long id = r.u32();
                int stream = r.u8();
                if (stream != 1 && stream != 2) {
                    throw new PqsFormatException("output stream " + stream + " is neither 1 nor 2");
                }
                yield new PqsMessage.Output(id, stream, r.rest());
            }
            case EXIT_STATUS -> new PqsMessage.ExitStatus(r.u32(), r.i32());
            case ERROR -> new PqsMessage.Error(r.u32(), PqsErrorCode.of(r.u16()), r.string16("error text"));
            case FILE_GET, FILE_LS, FILE_MKDIR, FILE_RM -> new PqsMessage.FileRequest(type, r.u32(), r.string16("path"));
            case FILE_PUT -> new PqsMessage.FilePut(r.u32(), r.string16("path"), r.size("size"), r.hash());
            case TRANSFER_DATA -> new PqsMessage.TransferData(r.u32(), r.size("offset"), r.rest());
            case TRANSFER_STATUS -> new PqsMessage.TransferStatus(r.u32(), TransferState.of(r.u8()),
                    r.size("size"), r.hash(), r.string16("status text"));
            case DISCONNECT -> new PqsMessage.Disconnect(r.string16("reason"));
        };
        r.end(type);
        return m;
    }

    private static void putString8(ByteBuffer b, String s, int max) {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        if (u.length > max) {
            throw new IllegalArgumentException("string of " + u.length + " bytes exceeds " + max);
        }
        b.put((byte) u.length).put(u);
    }

    private static void putString16(ByteBuffer b, String s) {
        putBytes16(b, s.getBytes(StandardCharsets.UTF_8), PqsLimits.MAX_TEXT, "text");
    }

    private static void putBytes16(ByteBuffer b, byte[] u, int max, String what) {
        if (u.length > max) {
            throw new IllegalArgumentException(what + " of " + u.length + " bytes exceeds " + max);
        }
        b.putShort((short) u.length).put(u);
    }

    /** Reads fields, checking each length against what remains first. */
    private static final class Reader {
        private final byte[] in;
        private int pos;

        Reader(byte[] in) {
            this.in = in;
        }

        private void need(int n, String what) {
            if (in.length - pos < n) {
                throw new PqsFormatException("truncated PQS message: " + what + " needs " + n + " bytes, "
                        + (in.length - pos) + " remain");
            }
        }

        int u8() {
            need(1, "a byte");
            return in[pos++] & 0xFF;
        }

        int u16() {
            need(2, "a u16");
            int v = ((in[pos] & 0xFF) << 8) | (in[pos + 1] & 0xFF);
            pos += 2;
            return v;
        }

        int i32() {
            need(4, "an i32");
            int v = ByteBuffer.wrap(in, pos, 4).getInt();
            pos += 4;
            return v;
        }

        long u32() {
            return i32() & 0xFFFF_FFFFL;
        }

        long size(String what) {
            need(8, what);
            long v = ByteBuffer.wrap(in, pos, 8).getLong();
            pos += 8;
            if (v < 0 || v > PqsLimits.MAX_SIZE) {
                throw new PqsFormatException(what + " " + Long.toUnsignedString(v) + " exceeds " + PqsLimits.MAX_SIZE);
            }
            return v;
        }

        byte[] hash() {
            need(PqsLimits.HASH_SIZE, "a SHA3-256 hash");
            byte[] h = java.util.Arrays.copyOfRange(in, pos, pos + PqsLimits.HASH_SIZE);
            pos += PqsLimits.HASH_SIZE;
            return h;
        }

        byte[] bytes16(int max, String what) {
            int n = u16();
            if (n > max) {
                throw new PqsFormatException(what + " of " + n + " bytes exceeds " + max);
            }
            need(n, what);
            byte[] out = java.util.Arrays.copyOfRange(in, pos, pos + n);
            pos += n;
            return out;
        }

        String string16(String what) {
            return utf8(bytes16(PqsLimits.MAX_TEXT, what), what);
        }

        String string8(int max, String what) {
            int n = u8();
            if (n > max) {
                throw new PqsFormatException(what + " of " + n + " bytes exceeds " + max);
            }
            need(n, what);
            byte[] out = java.util.Arrays.copyOfRange(in, pos, pos + n);
            pos += n;
            return utf8(out, what);
        }

        byte[] rest() {
            int n = in.length - pos;
            if (n > PqsLimits.MAX_CHUNK) {
                throw new PqsFormatException("chunk of " + n + " bytes exceeds " + PqsLimits.MAX_CHUNK);
            }
            byte[] out = java.util.Arrays.copyOfRange(in, pos, in.length);
            pos = in.length;
            return out;
        }

        void end(PqsMessageType type) {
            if (pos != in.length) {
                throw new PqsFormatException(type + " has " + (in.length - pos) + " trailing bytes");
            }
        }

        private static String utf8(byte[] u, String what) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(u)).toString();
            } catch (CharacterCodingException e) {
                throw new PqsFormatException(what + " is not valid UTF-8");
            }
        }
    }
}
