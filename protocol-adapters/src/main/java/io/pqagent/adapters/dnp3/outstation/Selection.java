package io.pqagent.adapters.dnp3.outstation;

import java.util.Arrays;

/**
 * An armed SELECT (IEEE 1815 select-before-operate): the OPERATE that executes it must come next, carry the following
 * sequence number and repeat the SELECT's objects octet for octet, before the select timeout.
 */
final class Selection {
    private final int sequence;
    private final byte[] objects;
    private final long atMillis;

    Selection(int sequence, byte[] objects, long atMillis) {
        this.sequence = sequence;
        this.objects = objects.clone();
        this.atMillis = atMillis;
    }

    boolean matches(int operateSequence, byte[] operateObjects) {
        return operateSequence == ((sequence + 1) & 0x0F) && Arrays.equals(objects, operateObjects);
    }

    boolean expired(long nowMillis, long timeoutMillis) {
        return nowMillis - atMillis > timeoutMillis;
    }
}
