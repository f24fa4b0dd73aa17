package io.pqagent.qsmp.conformance;

/**
 * One thing a side's code reported ({@code outcome.<side>}): a return code, a log message or a note of
 * the recording harness. Only {@code event} is always present; the other fields are null where the
 * event has none.
 *
 * @param event    the kind, e.g. {@code "kex_result"}, {@code "qsmp_packet_decrypt"}, {@code "api_result"}
 * @param function the function whose result this is
 * @param ret      the returned error code
 * @param retName  the code's name, e.g. {@code "authentication_failure"}
 * @param retText  the code's text
 * @param sequence the packet sequence number the event is about
 * @param text     a log or note text
 * @param name     a harness note's name
 * @param arg      a log message's argument
 */
public record OutcomeEvent(String event, String function, Integer ret, String retName, String retText,
        Long sequence, String text, String name, String arg) {
}
