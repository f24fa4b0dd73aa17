package io.pqagent.qsmp.conformance;

import java.util.List;

/**
 * A recorded session between two reference peers, as {@link TranscriptLoader} reads it from a
 * {@code qsmp-kat-transcript/1} file: everything a replay needs to rebuild every packet from the seeds,
 * the clock and the application messages, and to compare its intermediate values.
 *
 * @param caseName            the case name, also the file's base name
 * @param mode                Duplex or Simplex
 * @param config              the configuration string
 * @param seeds               each side's random-stream seed string (SHAKE-256 of its UTF-8 bytes)
 * @param utctime             the fixed clock value both sides read
 * @param tamper              the modification of a negative case, or null
 * @param keys                each side's long-term key; the client's is null in Simplex
 * @param packets             every packet in causal order
 * @param applicationMessages what each application sent and had delivered
 * @param secrets             each side's intermediate secrets
 * @param outcome             what each side's code reported
 * @param randomRequests      each side's draws from its random stream, in order
 */
public record Transcript(String caseName, TranscriptMode mode, TranscriptConfig config, PerSide<String> seeds,
        long utctime, Tamper tamper, PerSide<LongTermKeys> keys, List<TranscriptPacket> packets,
        List<ApplicationMessage> applicationMessages, PerSide<SideSecrets> secrets,
        PerSide<List<OutcomeEvent>> outcome, PerSide<List<RandomRequest>> randomRequests) {

    public Transcript {
        packets = List.copyOf(packets);
        applicationMessages = List.copyOf(applicationMessages);
    }

    /** Whether this is a negative case (one packet modified on the wire). */
    public boolean negative() {
        return tamper != null;
    }

    /** The packets of one direction, in order. */
    public List<TranscriptPacket> packets(PacketDirection direction) {
        return packets.stream().filter(p -> p.direction() == direction).toList();
    }

    /** What one side's application sent, in order. */
    public List<ApplicationMessage> sentBy(Side side) {
        return applicationMessages.stream().filter(m -> m.side() == side && m.sent()).toList();
    }
}
