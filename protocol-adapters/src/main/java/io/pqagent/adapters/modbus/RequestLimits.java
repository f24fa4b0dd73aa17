package io.pqagent.adapters.modbus;

/**
 * The checks MB-APP §6 asks a server to make of each supported request before it acts, done on the raw
 * PDU before any decoder allocates from its counts (j2mod, for one, sizes its register array from the
 * quantity on the wire). In the specification's order: a PDU whose own length fields disagree with its
 * size is malformed (the stream is closed); a quantity, byte count or value out of range is exception
 * 03; a range running past address 65535 is exception 02.
 */
final class RequestLimits {
    /** MB-APP §6.1, §6.2: FC 1 and 2 read at most 2000 (0x07D0) bits. */
    static final int MAX_READ_BITS = 2000;
    /** MB-APP §6.3, §6.4: FC 3 and 4 read at most 125 (0x7D) registers. */
    static final int MAX_READ_REGISTERS = 125;
    /** MB-APP §6.11: FC 15 writes at most 1968 (0x7B0) coils. */
    static final int MAX_WRITE_COILS = 1968;
    /** MB-APP §6.12: FC 16 writes at most 123 (0x7B) registers. */
    static final int MAX_WRITE_REGISTERS = 123;
    /** MB-APP §6.17: FC 23 reads at most 125 (0x7D) registers ... */
    static final int MAX_RW_READ_REGISTERS = 125;
    /** ... and writes at most 121 (0x79). */
    static final int MAX_RW_WRITE_REGISTERS = 121;

    private static final int COIL_ON = 0xFF00;
    private static final int COIL_OFF = 0x0000;

    private RequestLimits() {
    }

    static void check(ModbusFrame f, FunctionCode fc) throws MalformedFrameException, RequestRefused {
        switch (fc) {
            case READ_COILS, READ_DISCRETE_INPUTS -> {
                length(f, 5);
                quantity(f.pduU16(3), MAX_READ_BITS, "bits");
                range(f.pduU16(1), f.pduU16(3));
            }
            case READ_HOLDING_REGISTERS, READ_INPUT_REGISTERS -> {
                length(f, 5);
                quantity(f.pduU16(3), MAX_READ_REGISTERS, "registers");
                range(f.pduU16(1), f.pduU16(3));
            }
            case WRITE_SINGLE_COIL -> {
                length(f, 5);
                // MB-APP §6.5: 0xFF00 is ON, 0x0000 is OFF, anything else is exception 03
                int value = f.pduU16(3);
                if (value != COIL_ON && value != COIL_OFF) {
                    throw new RequestRefused(ExceptionCode.ILLEGAL_DATA_VALUE,
                            String.format("coil value 0x%04X (0xFF00 or 0x0000)", value));
                }
            }
            case WRITE_SINGLE_REGISTER -> length(f, 5);
            case WRITE_MULTIPLE_COILS -> {
                int byteCount = byteCount(f, 5);
                int quantity = f.pduU16(3);
                quantity(quantity, MAX_WRITE_COILS, "coils");
                // MB-APP §6.11: byte count = ceil(quantity / 8)
                counted(byteCount, (quantity + 7) / 8, quantity + " coils");
                range(f.pduU16(1), quantity);
            }
            case WRITE_MULTIPLE_REGISTERS -> {
                int byteCount = byteCount(f, 5);
                int quantity = f.pduU16(3);
                quantity(quantity, MAX_WRITE_REGISTERS, "registers");
                counted(byteCount, 2 * quantity, quantity + " registers");
                range(f.pduU16(1), quantity);
            }
            case MASK_WRITE_REGISTER -> length(f, 7);
            case READ_WRITE_MULTIPLE_REGISTERS -> {
                int byteCount = byteCount(f, 9);
                int readQuantity = f.pduU16(3);
                int writeQuantity = f.pduU16(7);
                quantity(readQuantity, MAX_RW_READ_REGISTERS, "registers to read");
                quantity(writeQuantity, MAX_RW_WRITE_REGISTERS, "registers to write");
                counted(byteCount, 2 * writeQuantity, writeQuantity + " registers");
                range(f.pduU16(1), readQuantity);
                range(f.pduU16(5), writeQuantity);
            }
            default -> throw new IllegalStateException("no limits for " + fc);
        }
    }

    /** A fixed-size request PDU must be exactly its size. */
    private static void length(ModbusFrame f, int expected) throws MalformedFrameException {
        if (f.pduLength() != expected) {
            throw new MalformedFrameException("function " + f.functionCode() + " PDU of " + f.pduLength()
                    + " bytes (must be " + expected + ")");
        }
    }

    /** The byte count at {@code at} must account for exactly the rest of the PDU. */
    private static int byteCount(ModbusFrame f, int at) throws MalformedFrameException {
        if (f.pduLength() < at + 1) {
            throw new MalformedFrameException("function " + f.functionCode() + " PDU of " + f.pduLength()
                    + " bytes ends before its byte count");
        }
        int count = f.pduByte(at);
        if (f.pduLength() != at + 1 + count) {
            throw new MalformedFrameException("function " + f.functionCode() + " byte count " + count + " but "
                    + (f.pduLength() - at - 1) + " bytes follow");
        }
        return count;
    }

    private static void quantity(int quantity, int max, String what) throws RequestRefused {
        if (quantity < 1 || quantity > max) {
            throw new RequestRefused(ExceptionCode.ILLEGAL_DATA_VALUE, "quantity of " + quantity + " " + what
                    + " (1.." + max + ")");
        }
    }

    private static void counted(int byteCount, int expected, String what) throws RequestRefused {
        if (byteCount != expected) {
            throw new RequestRefused(ExceptionCode.ILLEGAL_DATA_VALUE, "byte count " + byteCount + " for " + what
                    + " (must be " + expected + ")");
        }
    }

    /** MB-APP §6: starting address + quantity must stay within the 65536 addresses (exception 02). */
    private static void range(int start, int quantity) throws RequestRefused {
        if (start + quantity - 1 > AddressRange.MAX_ADDRESS) {
            throw new RequestRefused(ExceptionCode.ILLEGAL_DATA_ADDRESS, "addresses " + start + ".." + (start + quantity - 1)
                    + " run past 65535");
        }
    }
}
