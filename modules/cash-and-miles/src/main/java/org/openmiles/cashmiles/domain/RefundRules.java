package org.openmiles.cashmiles.domain;

import org.openmiles.cashmiles.api.RefundReason;

/**
 * Whether a refund gives the miles of a payment back to the member: for a voluntary refund (the
 * passenger's choice) and for an involuntary one (the airline's). A rule of the program, copied to
 * each quote and so kept by every payment on it.
 */
public record RefundRules(boolean voluntaryRedeposit, boolean involuntaryRedeposit) {

  /** Whether a refund for {@code reason} redeposits the miles. */
  public boolean redeposits(RefundReason reason) {
    return reason == RefundReason.VOLUNTARY ? voluntaryRedeposit : involuntaryRedeposit;
  }
}
