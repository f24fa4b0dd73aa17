package io.pqagent.agent.pqs;

/** The outcome of one login attempt, with the account when accepted (null otherwise). */
public record LoginDecision(LoginOutcome outcome, PqsUser user) {
    public boolean accepted() {
        return outcome == LoginOutcome.ACCEPTED;
    }
}
