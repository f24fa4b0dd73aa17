package io.pqagent.qsmp.crypto;

/** RCS authentication with QSC's QMAC (QSMP-WIRE §5.6): items padded separately, no length block. */
final class QmacAuthenticator implements RcsAuthenticator {
    private final Qmac qmac;

    QmacAuthenticator(Qmac qmac) {
        this.qmac = qmac;
    }

    @Override
    public int tagSize() {
        return Qmac.TAG_SIZE;
    }

    @Override
    public void update(byte[] in, int offset, int length) {
        qmac.update(in, offset, length);
    }

    @Override
    public void updateCounter(long counter) {
        // QSMP-WIRE §5.6: the QMAC build absorbs no byte counter
    }

    @Override
    public void finish(byte[] out, int offset, RcsScratch scratch) {
        qmac.finish(out, offset);
    }

    @Override
    public RcsAuthenticator copy() {
        return new QmacAuthenticator(qmac.copy());
    }

    @Override
    public void destroy() {
        qmac.destroy();
    }
}
