package io.pqagent.adapters.dnp3.master;

import io.pqagent.adapters.dnp3.app.AppControl;
import io.pqagent.adapters.dnp3.app.AppParseException;
import io.pqagent.adapters.dnp3.app.AppRequest;
import io.pqagent.adapters.dnp3.app.AppResponse;
import io.pqagent.adapters.dnp3.app.CommandStatus;
import io.pqagent.adapters.dnp3.app.Crob;
import io.pqagent.adapters.dnp3.app.DnpObject;
import io.pqagent.adapters.dnp3.app.FunctionCode;
import io.pqagent.adapters.dnp3.app.Iin;
import io.pqagent.adapters.dnp3.app.ObjectBlock;
import io.pqagent.adapters.dnp3.link.LinkFunction;
import io.pqagent.adapters.dnp3.stack.FragmentReceiver;
import io.pqagent.adapters.dnp3.stack.FragmentSender;
import io.pqagent.adapters.dnp3.stack.Inbound;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A DNP3 master on one TCP connection to one outstation, one request at a time (calls are synchronized).
 * Each request gets the next application sequence number; multi-fragment responses are collected until FIN;
 * a response with CON is confirmed at once. Unsolicited responses are confirmed and otherwise ignored.
 */
public final class Dnp3Master implements AutoCloseable {
    private final MasterConfig config;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final FragmentSender sender;
    private final FragmentReceiver receiver;
    private final Deque<Inbound.Fragment> received = new ArrayDeque<>();
    private final byte[] buffer = new byte[4096];
    private int sequence;

    private Dnp3Master(MasterConfig config, Socket socket) throws IOException {
        this.config = config;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.sender = new FragmentSender(true, config.address(), config.outstation());
        this.receiver = new FragmentReceiver(config.address(), false, config.maxFragment());
    }

    public static Dnp3Master connect(InetSocketAddress outstation, MasterConfig config) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(outstation, (int) Math.min(Integer.MAX_VALUE, config.responseTimeout().toMillis()));
            return new Dnp3Master(config, s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** READ class 1, 2, 3 and 0: all events, then all static data. */
    public synchronized PollResult integrityPoll() throws IOException {
        return poll(request(FunctionCode.READ, MasterRequests.integrityPoll()));
    }

    /** READ class 1, 2 and 3: the events since the last confirmed poll. */
    public synchronized PollResult eventPoll() throws IOException {
        return poll(request(FunctionCode.READ, MasterRequests.eventPoll()));
    }

    /**
     * SELECT then OPERATE of {@code crob} on binary output {@code index}. Returns the OPERATE's status, or the
     * SELECT's if that was not SUCCESS (nothing is operated then).
     */
    public synchronized CommandStatus selectAndOperate(int index, Crob crob) throws IOException {
        List<ObjectBlock> objects = MasterRequests.crob(index, crob);
        CommandStatus selected = status(FunctionCode.SELECT, request(FunctionCode.SELECT, objects));
        if (selected != CommandStatus.SUCCESS) {
            return selected;
        }
        return status(FunctionCode.OPERATE, request(FunctionCode.OPERATE, objects));
    }

    /** DIRECT_OPERATE of {@code crob} on binary output {@code index}, without a SELECT. */
    public synchronized CommandStatus directOperate(int index, Crob crob) throws IOException {
        return status(FunctionCode.DIRECT_OPERATE, request(FunctionCode.DIRECT_OPERATE, MasterRequests.crob(index, crob)));
    }

    /**
     * Sends one request and returns every fragment of its response (none for DIRECT_OPERATE_NR).
     *
     * @throws ResponseTimeoutException if a response fragment does not arrive in time
     */
    public synchronized List<AppResponse> request(FunctionCode function, List<ObjectBlock> objects) throws IOException {
        int seq = sequence;
        sequence = AppControl.next(sequence);
        send(new AppRequest(AppControl.request(seq), function, objects));
        if (function == FunctionCode.DIRECT_OPERATE_NR) {
            return List.of();
        }
        List<AppResponse> fragments = new ArrayList<>();
        int expected = seq;
        // the timeout runs per fragment of this response: stale or unsolicited traffic does not extend it
        long deadline = System.nanoTime() + config.responseTimeout().toNanos();
        while (true) {
            AppResponse r = nextResponse(function, seq, deadline);
            if (r.function() == FunctionCode.UNSOLICITED_RESPONSE || r.control().uns()) {
                if (r.control().con()) {
                    send(new AppRequest(new AppControl(true, true, false, true, r.control().sequence()),
                            FunctionCode.CONFIRM, List.of()));
                }
                continue;
            }
            // a late answer to an earlier request (one that timed out) carries another sequence number
            if (r.control().sequence() != expected || (fragments.isEmpty() && !r.control().fir())) {
                continue;
            }
            fragments.add(r);
            if (r.control().con()) {
                send(new AppRequest(AppControl.request(expected), FunctionCode.CONFIRM, List.of()));
            }
            if (r.control().fin()) {
                return fragments;
            }
            expected = AppControl.next(expected);
            deadline = System.nanoTime() + config.responseTimeout().toNanos();
        }
    }

    private AppResponse nextResponse(FunctionCode function, int seq, long deadline) throws IOException {
        while (true) {
            Inbound.Fragment f = received.poll();
            if (f != null) {
                if (f.source() != config.outstation()) {
                    continue;
                }
                try {
                    return AppResponse.decode(f.fragment());
                } catch (AppParseException e) {
                    throw new IOException("malformed response from outstation " + config.outstation() + ": "
                            + e.getMessage(), e);
                }
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new ResponseTimeoutException("no response to " + function + " (sequence " + seq
                        + ") from outstation " + config.outstation() + " within " + config.responseTimeout().toMillis()
                        + " ms");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (n < 0) {
                throw new IOException("outstation " + config.outstation() + " closed the connection");
            }
            for (Inbound i : receiver.receive(buffer, 0, n)) {
                if (i instanceof Inbound.Fragment fr) {
                    received.add(fr);
                } else if (i instanceof Inbound.LinkService s
                        && s.frame().control().function().orElse(null) == LinkFunction.REQUEST_LINK_STATUS) {
                    out.write(sender.linkFrame(LinkFunction.LINK_STATUS));
                    out.flush();
                }
            }
        }
    }

    private void send(AppRequest request) throws IOException {
        out.write(sender.frames(request.encode()));
        out.flush();
    }

    private static PollResult poll(List<AppResponse> fragments) {
        int iin = 0;
        List<ObjectBlock> objects = new ArrayList<>();
        for (AppResponse r : fragments) {
            iin |= r.iin().bits();
            objects.addAll(r.objects());
        }
        return new PollResult(new Iin(iin), objects);
    }

    /** The status the outstation echoed in the CROB of its response. */
    private CommandStatus status(FunctionCode function, List<AppResponse> fragments) throws IOException {
        Iin iin = Iin.NONE;
        for (AppResponse r : fragments) {
            iin = new Iin(iin.bits() | r.iin().bits());
            for (ObjectBlock b : r.objects()) {
                for (DnpObject o : b.objects()) {
                    if (o instanceof Crob c) {
                        return c.status();
                    }
                }
            }
        }
        throw new IOException("outstation " + config.outstation() + " answered " + function
                + " without echoing the control; " + iin);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
