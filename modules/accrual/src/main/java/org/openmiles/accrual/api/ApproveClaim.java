package org.openmiles.accrual.api;

import org.openmiles.common.Validator;

/**
 * An agent's approval of a claim: who, why, and the coupon number when neither the claim nor the
 * airline's data has one (the coupon is recorded so that a later file carrying it is a duplicate).
 */
public record ApproveClaim(String agent, String note, Integer couponNumber) {
  public ApproveClaim {
    Validator v = new Validator();
    v.requireText(agent, "agent", 60);
    v.require(note == null || note.length() <= 500, "note", "must be at most 500 characters");
    v.require(
        couponNumber == null || (couponNumber >= 1 && couponNumber <= 4),
        "couponNumber",
        "must be 1 to 4 if given");
    v.throwIfInvalid();
    agent = agent.strip();
    note = note == null || note.isBlank() ? null : note.strip();
  }
}
