package io.pqagent.agent.runtime;

import io.pqagent.keystore.Identity;
import io.pqagent.keystore.IdentityStore;
import io.pqagent.keystore.RotationPhase;
import java.util.ArrayList;
import java.util.List;

/**
 * The identities the agent's listener answers with: the store's active ones, and also a prepared next one.
 * A peer can only name that key once the operator has registered it in the directory, which comes before
 * {@code keys rotate --published}; answering it then, instead of refusing the peer until the operator
 * marks it published, costs nothing. Connecting out still uses {@link IdentityStore#preferred()}.
 */
final class ListenerIdentities {
    private ListenerIdentities() {
    }

    static List<Identity> of(IdentityStore store) {
        synchronized (store) { // one consistent view while another thread steps or refreshes the store
            List<Identity> answering = new ArrayList<>(store.activeIdentities());
            if (store.phase() == RotationPhase.PREPARED) {
                store.next().ifPresent(answering::add);
            }
            return answering;
        }
    }
}
