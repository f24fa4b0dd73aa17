package io.pqagent.qsmp.session;

import io.pqagent.qsmp.crypto.RcsCipher;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The receive direction across ratchets (profile rule 6b). The side that switches keys first keeps
 * its previous receive ciphers: a packet the peer sent before it learned of the switch fails under the
 * new key and is tried on the old ones. Every trial runs on a copy, since a failed MAC check advances
 * the chained MAC state; the live state only changes when a packet authenticates. Once a packet
 * authenticates under the current key, the peer has switched and the old ciphers are wiped.
 */
final class ReceiveCiphers {
    /** Ratchets in flight at once that stay lossless; older epochs are dropped. */
    private static final int MAX_PREVIOUS = 4;

    private RcsCipher current;
    /** Newest first; null until a ratchet keeps an old cipher (Simplex never does), and again once empty. */
    private ArrayDeque<RcsCipher> previous;

    ReceiveCiphers(RcsCipher current) {
        this.current = current;
    }

    int tagSize() {
        return current.tagSize();
    }

    /** Installs {@code next} as the current cipher, keeping the old one for packets still in flight. */
    void switchTo(RcsCipher next, boolean keepPrevious) {
        if (keepPrevious) {
            if (previous == null) {
                previous = new ArrayDeque<>(MAX_PREVIOUS + 1);
            }
            previous.addFirst(current);
            while (previous.size() > MAX_PREVIOUS) {
                previous.removeLast().destroy();
            }
        } else {
            current.destroy();
            dropPrevious();
        }
        current = next;
    }

    /**
     * Authenticates and decrypts {@code length} bytes at {@code in[0]} with the tag at {@code in[length]}
     * and {@code ad} as associated data. Returns false, with no state changed, if no cipher accepts it.
     */
    boolean open(byte[] ad, byte[] in, int length, byte[] out) {
        if (previous == null) {
            current.setAssociated(ad, 0, ad.length);
            return current.decrypt(in, 0, length, in, length, out, 0);
        }
        RcsCipher trial = current.copy();
        if (tryOpen(trial, ad, in, length, out)) {
            current.destroy();
            current = trial;
            dropPrevious();
            return true;
        }
        Iterator<RcsCipher> it = previous.iterator();
        Deque<RcsCipher> newer = new ArrayDeque<>();
        while (it.hasNext()) {
            RcsCipher old = it.next();
            RcsCipher t = old.copy();
            if (tryOpen(t, ad, in, length, out)) {
                old.destroy();
                // the peer is still on this epoch: anything older can no longer arrive
                while (it.hasNext()) {
                    it.next().destroy();
                    it.remove();
                }
                previous.clear();
                previous.addAll(newer);
                previous.addLast(t);
                return true;
            }
            newer.addLast(old);
        }
        return false;
    }

    /** Compacts the current cipher (previous epochs live only briefly, across a ratchet). */
    void compact() {
        current.compact();
    }

    void compactIfUnused() {
        current.compactIfUnused();
    }

    private static boolean tryOpen(RcsCipher c, byte[] ad, byte[] in, int length, byte[] out) {
        c.setAssociated(ad, 0, ad.length);
        if (c.decrypt(in, 0, length, in, length, out, 0)) {
            return true;
        }
        c.destroy();
        return false;
    }

    private void dropPrevious() {
        if (previous == null) {
            return;
        }
        for (RcsCipher c : previous) {
            c.destroy();
        }
        previous = null;
    }

    void destroy() {
        current.destroy();
        dropPrevious();
    }
}
