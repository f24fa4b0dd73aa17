package io.pqagent.adapters.dnp3.outstation;

/**
 * What an outstation has done since it started.
 *
 * @param requests fragments handled (CONFIRMs included)
 * @param selects  CROBs checked by a SELECT
 * @param operates CROBs handed to {@link OutstationDataModel#operateBinaryOutput} (OPERATE or DIRECT_OPERATE)
 */
public record OutstationStats(long requests, long selects, long operates) {
}
