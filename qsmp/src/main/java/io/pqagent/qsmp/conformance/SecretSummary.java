package io.pqagent.qsmp.conformance;

/**
 * The session secrets one side ended the handshake with ({@code secrets.<side>.summary}). All fields are
 * null when the handshake failed before they existed; a Duplex side has {@code sch}, {@code seca} and
 * {@code secb}, a Simplex side {@code sch} and {@code sec}. Arrays are the transcript's own.
 *
 * @param sch  the session cookie hash
 * @param seca the Duplex shared secret of the client's encapsulation
 * @param secb the Duplex shared secret of the server's encapsulation
 * @param sec  the Simplex shared secret
 */
public record SecretSummary(byte[] sch, byte[] seca, byte[] secb, byte[] sec) {

    public boolean empty() {
        return sch == null && seca == null && secb == null && sec == null;
    }
}
