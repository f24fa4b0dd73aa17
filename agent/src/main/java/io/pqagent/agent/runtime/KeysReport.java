package io.pqagent.agent.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pqagent.keystore.Identity;
import io.pqagent.keystore.IdentityStore;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * An identity store's rotation state as JSON, the same from the running agent ({@code status}) and from
 * the files ({@code qsmp-agent keys show} without an agent): the phase, the key to connect with, and each
 * identity with its expiry, publication and whether the listener answers with it ({@code accepted},
 * {@link ListenerIdentities}). Nothing secret.
 */
public final class KeysReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeysReport() {
    }

    /** Fills {@code out} (a status answer, or a new object) with the store's state. */
    public static ObjectNode of(IdentityStore store, ObjectNode out) {
        synchronized (store) { // one consistent view while another thread steps or refreshes the store
            return fill(store, out);
        }
    }

    private static ObjectNode fill(IdentityStore store, ObjectNode out) {
        Identity preferred = store.preferred();
        List<Identity> accepted = ListenerIdentities.of(store);
        out.put("key_id", preferred.keyId().toString());
        out.put("key_expires", instant(preferred.expiration()));
        out.put("phase", store.phase().name());
        OptionalLong overlapEnds = store.overlapEndsAt();
        if (overlapEnds.isPresent()) {
            out.put("overlap_ends", instant(overlapEnds.getAsLong()));
        }
        ArrayNode ids = out.putArray("identities");
        identity(ids, "current", store.current(), accepted);
        store.next().ifPresent(next -> identity(ids, "next", next, accepted));
        return out;
    }

    public static ObjectNode of(IdentityStore store) {
        return of(store, JSON.createObjectNode());
    }

    private static void identity(ArrayNode ids, String role, Identity id, List<Identity> accepted) {
        ObjectNode o = ids.addObject();
        o.put("role", role);
        o.put("key_id", id.keyId().toString());
        o.put("expires", instant(id.expiration()));
        o.put("published", id.publishedAt().isPresent() ? instant(id.publishedAt().getAsLong()) : "");
        o.put("accepted", accepted.stream().anyMatch(a -> a.keyId().equals(id.keyId())));
    }

    private static String instant(long protocolSeconds) {
        return Instant.ofEpochSecond(protocolSeconds).toString();
    }
}
