package io.pqagent.qsmp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.qsmp.wire.QsmpError;
import io.pqagent.qsmp.wire.QsmpException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Whatever ends a command, the operator reads one line: the protocol's name and text for a QSMP error. */
class FailureTextTest {

    @Test
    void aProtocolErrorShowsItsNameTextAndDetail() {
        QsmpException e = new QsmpException(QsmpError.KEY_UNRECOGNIZED, "peer reported key_unrecognized");
        assertThat(FailureText.of(e))
                .isEqualTo("key_unrecognized: The key identity is unrecognized (peer reported key_unrecognized)");
    }

    @Test
    void futuresAreUnwrapped() {
        QsmpException e = new QsmpException(QsmpError.KEY_EXPIRED, "the server's public key expired");
        assertThat(FailureText.of(new CompletionException(new ExecutionException(e))))
                .isEqualTo("key_expired: The QSMP public key has expired (the server's public key expired)");
    }

    @Test
    void everythingIsOneLine() {
        assertThat(FailureText.of(new IOException("first\nsecond\r\n  third"))).isEqualTo("first second third");
        assertThat(FailureText.of(QsmpError.AUTHENTICATION_FAILURE, "a\nb"))
                .isEqualTo("authentication_failure: The symmetric cipher had an authentication failure (a b)");
        assertThat(FailureText.of(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThat(FailureText.of(new NoSuchFileException("/keys/x.qpkey"))).isEqualTo("no such file: /keys/x.qpkey");
    }
}
