package io.pqagent.qsmp.conformance;

import io.pqagent.qsmp.wire.QsmpConstants;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code secrets.<side>}: the summary, the key derivations and the state checkpoints. */
final class SideSecretsReader {
    private static final String HEX_SUFFIX = "_hex";

    private SideSecretsReader() {
    }

    static SideSecrets secrets(JsonCursor s, TranscriptMode mode) throws TranscriptFormatException {
        List<KdfEpoch> epochs = new ArrayList<>();
        for (JsonCursor e : s.array("kdf_epochs")) {
            epochs.add(epoch(e));
        }
        List<StateCheckpoint> checkpoints = new ArrayList<>();
        for (JsonCursor c : s.array("checkpoints")) {
            checkpoints.add(checkpoint(c));
        }
        return new SideSecrets(summary(s.object("summary"), mode), epochs, checkpoints);
    }

    /** Empty when the handshake failed early; otherwise complete for the mode. */
    private static SecretSummary summary(JsonCursor s, TranscriptMode mode) throws TranscriptFormatException {
        SecretSummary summary = new SecretSummary(s.optionalHex("sch_hex"), s.optionalHex("seca_hex"),
                s.optionalHex("secb_hex"), s.optionalHex("sec_hex"));
        if (summary.empty()) {
            return summary;
        }
        if (summary.sch() == null) {
            throw s.error("sch_hex", "missing while other secrets are present");
        }
        if (mode == TranscriptMode.DUPLEX && (summary.seca() == null || summary.secb() == null)) {
            throw s.error("a Duplex summary needs seca_hex and secb_hex");
        }
        if (mode == TranscriptMode.SIMPLEX && summary.sec() == null) {
            throw s.error("a Simplex summary needs sec_hex");
        }
        return summary;
    }

    private static KdfEpoch epoch(JsonCursor e) throws TranscriptFormatException {
        JsonCursor cshake = e.object("cshake");
        JsonCursor inputs = e.object("inputs");
        Map<String, byte[]> named = new LinkedHashMap<>();
        for (String name : inputs.memberNames()) {
            if (name.endsWith(HEX_SUFFIX)) {
                named.put(name.substring(0, name.length() - HEX_SUFFIX.length()), inputs.hex(name));
            }
        }
        return new KdfEpoch(
                e.text("trigger"),
                cshake.hex("X_key_hex"),
                cshake.hex("N_name_hex"),
                cshake.hex("S_custom_hex"),
                cshake.intIn("rate", 1, 200),
                Collections.unmodifiableMap(named),
                e.hex("kdf_output_hex"),
                keyNonce(e.object("tx")),
                keyNonce(e.object("rx")),
                e.hex("rtcs_after_hex", QsmpConstants.RTCS_SIZE));
    }

    private static KeyNonce keyNonce(JsonCursor k) throws TranscriptFormatException {
        return new KeyNonce(k.hex("key_hex"), k.hex("nonce_hex", QsmpConstants.NONCE_SIZE));
    }

    private static StateCheckpoint checkpoint(JsonCursor c) throws TranscriptFormatException {
        return new StateCheckpoint(
                c.text("name"),
                c.hex("rtcs", QsmpConstants.RTCS_SIZE),
                c.unsigned64("txseq"),
                c.unsigned64("rxseq"),
                c.hex("tx_nonce", QsmpConstants.NONCE_SIZE),
                c.unsigned64("tx_counter"),
                c.hex("rx_nonce", QsmpConstants.NONCE_SIZE),
                c.unsigned64("rx_counter"));
    }
}
