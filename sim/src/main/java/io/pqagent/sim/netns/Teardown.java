package io.pqagent.sim.netns;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ip} commands that undo what a plant network made so far, run newest first. Used both when
 * {@link PlantNetwork#create} fails half-way and by {@link PlantNetwork#close}, which a shutdown hook may
 * call while create is still running: anything made after the teardown ran is undone at once.
 */
final class Teardown {
    private static final Logger LOG = LoggerFactory.getLogger(Teardown.class);

    private final Deque<List<String>> undo = new ArrayDeque<>();
    private boolean done;

    /** Records how to undo something just made; throws if the teardown already ran (the JVM is exiting). */
    synchronized void push(String... ipArgs) throws IOException {
        if (done) {
            undoQuietly(List.of(ipArgs));
            throw new IOException("the plant network was torn down while it was being made (JVM shutting down?)");
        }
        undo.push(List.of(ipArgs));
    }

    /** Runs every undo command once, newest first; logs failures other than "already gone"; never throws. */
    synchronized void run() {
        done = true;
        while (!undo.isEmpty()) {
            undoQuietly(undo.pop());
        }
    }

    private static void undoQuietly(List<String> ipArgs) {
        try {
            IpCommand.run(ipArgs.toArray(String[]::new));
        } catch (IpCommandException e) {
            if (e.reportsMissing()) {
                LOG.debug("already gone: {}", e.getMessage());
            } else {
                LOG.warn("plant network teardown: {}", e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("plant network teardown: {}", e.getMessage());
        }
    }
}
