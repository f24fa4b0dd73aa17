package io.pqagent.qsmp.transport;

import io.pqagent.qsmp.handshake.HandshakeMachine;
import io.pqagent.qsmp.wire.PacketHeader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * A plain blocking socket for peers that misbehave on purpose: it writes whatever bytes a test gives
 * it, reads handshake packets sized by a real machine ({@link HandshakeMachine#payloadLength}), and can
 * tell whether the other side has closed. Tests only: no deadline of its own beyond the ones passed in.
 */
final class RawConnection implements AutoCloseable {
    /** Tunnel payloads a test expects to read are small; a larger claim is a test failure, not an allocation. */
    private static final int MAX_TEST_PAYLOAD = 1 << 20;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RawConnection connect(InetSocketAddress to) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(to, 10_000);
        return new RawConnection(s);
    }

    static RawConnection accepted(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        return new RawConnection(s);
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Writes, ignoring a reset: the peer may close while garbage is still on its way. */
    void writeIgnoringReset(byte[] bytes) {
        try {
            write(bytes);
        } catch (IOException peerAlreadyClosed) {
            // what matters is how the server ended the connection, checked by the caller
        }
    }

    /** Reads one handshake packet, header ‖ the payload size {@code machine} expects next. */
    byte[] readFor(HandshakeMachine machine, Duration bound) throws IOException {
        socket.setSoTimeout((int) bound.toMillis());
        byte[] header = new byte[PacketHeader.SIZE];
        in.readFully(header);
        int length = machine.payloadLength(PacketHeader.decode(header, 0));
        byte[] packet = Arrays.copyOf(header, PacketHeader.SIZE + length);
        in.readFully(packet, PacketHeader.SIZE, length);
        return packet;
    }

    /** Reads one tunnel packet (header ‖ msglen bytes). */
    byte[] readTunnelPacket(Duration bound) throws IOException {
        socket.setSoTimeout((int) bound.toMillis());
        byte[] header = new byte[PacketHeader.SIZE];
        in.readFully(header);
        long msglen = PacketHeader.decode(header, 0).msglen();
        if (msglen > MAX_TEST_PAYLOAD) {
            throw new IOException("peer claims a " + msglen + "-byte packet");
        }
        byte[] packet = Arrays.copyOf(header, PacketHeader.SIZE + (int) msglen);
        in.readFully(packet, PacketHeader.SIZE, (int) msglen);
        return packet;
    }

    /**
     * Reads and discards until the peer closes (end of stream or reset), at most {@code bound}.
     *
     * @return the number of bytes read before the close, or -1 if the connection was still open
     */
    long awaitClosedByPeer(Duration bound) throws IOException {
        long deadline = System.nanoTime() + bound.toNanos();
        byte[] sink = new byte[4096];
        long read = 0;
        InputStream raw = socket.getInputStream();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return -1;
            }
            socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
            int n;
            try {
                n = raw.read(sink);
            } catch (SocketTimeoutException stillOpen) {
                return -1;
            } catch (SocketException reset) {
                return read;
            }
            if (n < 0) {
                return read;
            }
            read += n;
        }
    }

    /** Closes with a reset (SO_LINGER 0) instead of an orderly FIN. */
    void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
