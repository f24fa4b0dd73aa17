package io.pqagent.agent.mux;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tunnel message ⇄ frames (docs/agent-framing.md §1-2). Decoding checks every length against the
 * bytes present and the type's maximum before it allocates, and reports any fault as a
 * {@link MuxException}; a message is decoded whole before any of its frames is acted upon.
 */
public final class MuxCodec {

    private MuxCodec() {
    }

    /** Encodes frames into one tunnel message. */
    public static byte[] encode(List<? extends MuxFrame> frames) {
        long total = 1;
        for (MuxFrame frame : frames) {
            total += encodedSize(frame);
        }
        if (total > MuxLimits.MAX_MESSAGE) {
            throw new IllegalArgumentException("frames need " + total + " bytes, more than one tunnel message");
        }
        MessageWriter writer = new MessageWriter((int) Math.max(total, 1 + MuxLimits.FRAME_HEADER_BYTES + 1));
        for (MuxFrame frame : frames) {
            writer.append(frame);
        }
        return writer.toMessage();
    }

    /** The frame's size on the wire, header included. */
    public static int encodedSize(MuxFrame frame) {
        int payload;
        if (frame instanceof MuxFrame.Open open) {
            payload = 1 + open.service().length() + 2 + open.parameter().length;
        } else if (frame instanceof MuxFrame.Data data) {
            payload = data.bytes().length;
        } else if (frame instanceof MuxFrame.Window) {
            payload = 4;
        } else if (frame instanceof MuxFrame.Reset reset) {
            payload = 2 + reset.text().length();
        } else if (frame instanceof MuxFrame.RatchetRequest) {
            payload = 1;
        } else if (frame instanceof MuxFrame.Ping || frame instanceof MuxFrame.Pong) {
            payload = 8;
        } else {
            payload = 0;
        }
        return MuxLimits.FRAME_HEADER_BYTES + payload;
    }

    /** Decodes one tunnel message into its frames, in order. */
    public static List<MuxFrame> decode(byte[] message) throws MuxException {
        if (message.length > MuxLimits.MAX_MESSAGE) {
            throw new MuxException(MuxError.MESSAGE_TOO_LARGE, message.length + " bytes, max " + MuxLimits.MAX_MESSAGE);
        }
        if (message.length == 0) {
            throw new MuxException(MuxError.TRUNCATED, "empty message, no version byte");
        }
        if ((message[0] & 0xFF) != MuxLimits.VERSION) {
            throw new MuxException(MuxError.UNSUPPORTED_VERSION, "version " + (message[0] & 0xFF));
        }
        if (message.length == 1) {
            throw new MuxException(MuxError.EMPTY_MESSAGE, "a message must hold at least one frame");
        }
        List<MuxFrame> frames = new ArrayList<>();
        int at = 1;
        while (at < message.length) {
            if (message.length - at < MuxLimits.FRAME_HEADER_BYTES) {
                throw new MuxException(MuxError.TRUNCATED, "frame header at offset " + at + " needs "
                        + MuxLimits.FRAME_HEADER_BYTES + " bytes, " + (message.length - at) + " left");
            }
            int code = message[at] & 0xFF;
            FrameType type = FrameType.fromCode(code);
            if (type == null) {
                throw new MuxException(MuxError.UNKNOWN_FRAME_TYPE, String.format("type 0x%02X at offset %d", code, at));
            }
            int streamId = readInt(message, at + 1);
            long length = readInt(message, at + 5) & 0xFFFF_FFFFL;
            checkStreamId(type, streamId, at);
            long max = maxPayload(type);
            if (length > max) {
                throw new MuxException(MuxError.FRAME_TOO_LARGE, type + " payload of " + length + " bytes, max " + max);
            }
            int payloadStart = at + MuxLimits.FRAME_HEADER_BYTES;
            if (length > message.length - payloadStart) {
                throw new MuxException(MuxError.TRUNCATED, type + " declares " + length + " payload bytes, "
                        + (message.length - payloadStart) + " left");
            }
            frames.add(decodeFrame(type, streamId, message, payloadStart, (int) length));
            at = payloadStart + (int) length;
        }
        return frames;
    }

    private static void checkStreamId(FrameType type, int streamId, int at) throws MuxException {
        if (streamId < 0) {
            throw new MuxException(MuxError.BAD_STREAM_ID, type + " at offset " + at + " has the reserved top bit set");
        }
        if (type.isStreamFrame() && streamId == 0) {
            throw new MuxException(MuxError.BAD_STREAM_ID, type + " at offset " + at + " has stream id 0");
        }
        if (!type.isStreamFrame() && streamId != 0) {
            throw new MuxException(MuxError.BAD_STREAM_ID, "control frame " + type + " at offset " + at
                    + " has stream id " + streamId);
        }
    }

    private static int maxPayload(FrameType type) {
        switch (type) {
            case OPEN:
                return 1 + MuxLimits.MAX_SERVICE_NAME + 2 + MuxLimits.MAX_PARAMETER;
            case DATA:
                return MuxLimits.MAX_DATA;
            case WINDOW:
                return 4;
            case RESET:
                return 2 + MuxLimits.MAX_RESET_TEXT;
            case RATCHET_REQUEST:
                return 1;
            case PING:
            case PONG:
                return 8;
            default:
                return 0;
        }
    }

    private static MuxFrame decodeFrame(FrameType type, int streamId, byte[] m, int at, int length)
            throws MuxException {
        switch (type) {
            case OPEN:
                return decodeOpen(streamId, m, at, length);
            case OPEN_OK:
                return new MuxFrame.OpenOk(streamId);
            case DATA:
                if (length == 0) {
                    throw new MuxException(MuxError.MALFORMED_PAYLOAD, "empty DATA on stream " + streamId);
                }
                return new MuxFrame.Data(streamId, Arrays.copyOfRange(m, at, at + length));
            case WINDOW: {
                exactLength(type, length, 4);
                int credit = readInt(m, at);
                if (credit < 1 || credit > MuxLimits.MAX_WINDOW) {
                    throw new MuxException(MuxError.MALFORMED_PAYLOAD, "WINDOW credit "
                            + Integer.toUnsignedString(credit) + " outside 1.." + MuxLimits.MAX_WINDOW);
                }
                return new MuxFrame.Window(streamId, credit);
            }
            case CLOSE:
                return new MuxFrame.Close(streamId);
            case RESET:
                return decodeReset(streamId, m, at, length);
            case RATCHET_REQUEST: {
                exactLength(type, length, 1);
                RatchetKind kind = RatchetKind.fromCode(m[at] & 0xFF);
                if (kind == null) {
                    throw new MuxException(MuxError.UNKNOWN_RATCHET_KIND, "kind " + (m[at] & 0xFF));
                }
                return new MuxFrame.RatchetRequest(kind);
            }
            case PING:
                exactLength(type, length, 8);
                return new MuxFrame.Ping(readLong(m, at));
            case PONG:
                exactLength(type, length, 8);
                return new MuxFrame.Pong(readLong(m, at));
            default:
                throw new IllegalStateException("frame type without a decoder: " + type);
        }
    }

    private static MuxFrame decodeOpen(int streamId, byte[] m, int at, int length) throws MuxException {
        if (length < 1) {
            throw new MuxException(MuxError.MALFORMED_PAYLOAD, "OPEN without a service name length");
        }
        int nameLength = m[at] & 0xFF;
        if (nameLength < 1 || nameLength > MuxLimits.MAX_SERVICE_NAME) {
            throw new MuxException(MuxError.MALFORMED_PAYLOAD, "OPEN service name length " + nameLength);
        }
        if (length < 1 + nameLength + 2) {
            throw new MuxException(MuxError.MALFORMED_PAYLOAD, "OPEN payload of " + length
                    + " bytes is shorter than its service name and parameter length");
        }
        String name = new String(m, at + 1, nameLength, StandardCharsets.ISO_8859_1);
        if (!MuxFrame.isServiceName(name)) {
            throw new MuxException(MuxError.MALFORMED_PAYLOAD, "OPEN service name has characters outside [A-Za-z0-9._-]");
        }
        int parameterLength = ((m[at + 1 + nameLength] & 0xFF) << 8) | (m[at + 2 + nameLength] & 0xFF);
        int parameterStart = at + 1 + nameLength + 2;
        if (parameterLength > MuxLimits.MAX_PARAMETER) {
            throw new MuxException(MuxError.MALFORMED_PAYLOAD, "OPEN parameter of " + parameterLength + " bytes, max "
                    + MuxLimits.MAX_PARAMETER);
        }
        if (parameterStart + parameterLength != at + length) {
            throw new MuxException(MuxError.MALFORMED_PAYLOAD, "OPEN parameter length " + parameterLength
                    + " disagrees with the payload length " + length);
        }
        return new MuxFrame.Open(streamId, name, Arrays.copyOfRange(m, parameterStart, parameterStart + parameterLength));
    }

    private static MuxFrame decodeReset(int streamId, byte[] m, int at, int length) throws MuxException {
        if (length < 2) {
            throw new MuxException(MuxError.MALFORMED_PAYLOAD, "RESET needs a code and a text length");
        }
        ResetCode code = ResetCode.fromCode(m[at] & 0xFF);
        if (code == null) {
            throw new MuxException(MuxError.UNKNOWN_RESET_CODE, String.format("code 0x%02X", m[at] & 0xFF));
        }
        int textLength = m[at + 1] & 0xFF;
        if (2 + textLength != length) {
            throw new MuxException(MuxError.MALFORMED_PAYLOAD, "RESET text length " + textLength
                    + " disagrees with the payload length " + length);
        }
        String text = new String(m, at + 2, textLength, StandardCharsets.ISO_8859_1);
        if (!MuxFrame.isResetText(text)) {
            throw new MuxException(MuxError.MALFORMED_PAYLOAD, "RESET text is not printable ASCII");
        }
        return new MuxFrame.Reset(streamId, code, text);
    }

    private static void exactLength(FrameType type, int length, int expected) throws MuxException {
        if (length != expected) {
            throw new MuxException(MuxError.MALFORMED_PAYLOAD, type + " payload must be " + expected + " bytes, not " + length);
        }
    }

    private static int readInt(byte[] m, int at) {
        return ((m[at] & 0xFF) << 24) | ((m[at + 1] & 0xFF) << 16) | ((m[at + 2] & 0xFF) << 8) | (m[at + 3] & 0xFF);
    }

    private static long readLong(byte[] m, int at) {
        return ((long) readInt(m, at) << 32) | (readInt(m, at + 4) & 0xFFFF_FFFFL);
    }
}
