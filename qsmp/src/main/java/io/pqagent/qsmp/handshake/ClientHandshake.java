package io.pqagent.qsmp.handshake;

/** A machine on the connecting side: it speaks first. */
public interface ClientHandshake {

    /** Step 1: the connect request, or a failure if the server's key has already expired. */
    Step start();
}
