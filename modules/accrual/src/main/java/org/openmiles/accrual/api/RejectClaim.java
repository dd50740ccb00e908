package org.openmiles.accrual.api;

import org.openmiles.common.Validator;

/** An agent's rejection of a claim, with the reason the member is told. */
public record RejectClaim(String agent, String reason) {
  public RejectClaim {
    Validator v = new Validator();
    v.requireText(agent, "agent", 60);
    v.requireText(reason, "reason", 500);
    v.throwIfInvalid();
    agent = agent.strip();
    reason = reason.strip();
  }
}
