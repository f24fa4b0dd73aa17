package io.pqagent.adapters.dnp3.master;

import java.io.IOException;

/** No response fragment arrived within the master's response timeout (a request dropped on the way ends so). */
public final class ResponseTimeoutException extends IOException {
    public ResponseTimeoutException(String message) {
        super(message);
    }
}
