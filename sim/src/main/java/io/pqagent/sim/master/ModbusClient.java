package io.pqagent.sim.master;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A minimal Modbus/TCP master on one connection, one request at a time (MB-TCP §3.1.3 framing). It never
 * resends a request: j2mod's master retries a request after an I/O error, which would turn one write into
 * two, and exactly that is what the simulator must be able to see. A reply whose transaction id, unit or
 * function does not match the request is a protocol error (IOException), and so is a short or oversized
 * frame.
 */
public final class ModbusClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final int unit;
    private int transaction;

    private ModbusClient(Socket socket, int unit) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.unit = unit;
    }

    /** Connects within {@code timeoutMillis}; every answer must then come within it too. */
    public static ModbusClient connect(InetSocketAddress address, int unit, int timeoutMillis) throws IOException {
        if (unit < 0 || unit > 255) {
            throw new IllegalArgumentException("unit id " + unit + " is not 0..255");
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(address, timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            return new ModbusClient(s, unit);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** FC 4. */
    public int[] readInputRegisters(int address, int count) throws IOException, ModbusRefusal {
        return registers(request(4, u16(address), u16(count)), count);
    }

    /** FC 3. */
    public int[] readHoldingRegisters(int address, int count) throws IOException, ModbusRefusal {
        return registers(request(3, u16(address), u16(count)), count);
    }

    /** FC 2. */
    public boolean[] readDiscreteInputs(int address, int count) throws IOException, ModbusRefusal {
        return bits(request(2, u16(address), u16(count)), count);
    }

    /** FC 1. */
    public boolean[] readCoils(int address, int count) throws IOException, ModbusRefusal {
        return bits(request(1, u16(address), u16(count)), count);
    }

    /** FC 6; the answer must echo the request. */
    public void writeSingleRegister(int address, int value) throws IOException, ModbusRefusal {
        byte[] body = request(6, u16(address), u16(value));
        expectEcho(body, address, value & 0xFFFF);
    }

    /** FC 5; the answer must echo the request. */
    public void writeSingleCoil(int address, boolean on) throws IOException, ModbusRefusal {
        byte[] body = request(5, u16(address), u16(on ? 0xFF00 : 0x0000));
        expectEcho(body, address, on ? 0xFF00 : 0);
    }

    private static byte[] u16(int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException(v + " does not fit a Modbus register (0..65535)");
        }
        return new byte[] {(byte) (v >>> 8), (byte) v};
    }

    /** Sends FC + fields and returns the reply's data after the function code. */
    private byte[] request(int function, byte[] a, byte[] b) throws IOException, ModbusRefusal {
        transaction = (transaction + 1) & 0xFFFF;
        byte[] frame = {(byte) (transaction >>> 8), (byte) transaction, 0, 0, 0, 6, (byte) unit, (byte) function,
            a[0], a[1], b[0], b[1]};
        out.write(frame);
        out.flush();
        int tid = in.readUnsignedShort();
        int protocol = in.readUnsignedShort();
        int length = in.readUnsignedShort();
        if (protocol != 0 || length < 3 || length > 254) {
            throw new IOException("bad MBAP header: protocol " + protocol + ", length " + length);
        }
        byte[] rest = new byte[length];
        in.readFully(rest);
        if (tid != transaction || (rest[0] & 0xFF) != unit) {
            throw new IOException("reply for transaction " + tid + " unit " + (rest[0] & 0xFF) + ", expected "
                    + transaction + " unit " + unit);
        }
        int fc = rest[1] & 0xFF;
        if (fc == (function | 0x80)) {
            throw new ModbusRefusal(function, rest[2] & 0xFF);
        }
        if (fc != function) {
            throw new IOException("reply with function " + fc + " to function " + function);
        }
        byte[] data = new byte[length - 2];
        System.arraycopy(rest, 2, data, 0, data.length);
        return data;
    }

    private static int[] registers(byte[] data, int count) throws IOException {
        if (data.length != 1 + 2 * count || (data[0] & 0xFF) != 2 * count) {
            throw new IOException("register reply of " + data.length + " bytes for " + count + " registers");
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = (data[1 + 2 * i] & 0xFF) << 8 | data[2 + 2 * i] & 0xFF;
        }
        return out;
    }

    private static boolean[] bits(byte[] data, int count) throws IOException {
        int bytes = (count + 7) / 8;
        if (data.length != 1 + bytes || (data[0] & 0xFF) != bytes) {
            throw new IOException("bit reply of " + data.length + " bytes for " + count + " bits");
        }
        boolean[] out = new boolean[count];
        for (int i = 0; i < count; i++) {
            out[i] = (data[1 + i / 8] >> (i % 8) & 1) != 0;
        }
        return out;
    }

    private static void expectEcho(byte[] data, int address, int value) throws IOException {
        if (data.length != 4 || ((data[0] & 0xFF) << 8 | data[1] & 0xFF) != address
                || ((data[2] & 0xFF) << 8 | data[3] & 0xFF) != value) {
            throw new IOException("write reply does not echo address " + address + " value " + value);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
