package org.openmiles.accrual.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * An agent's approval cannot credit the claim: the coupon was refunded, voided or exchanged ({@code
 * COUPON_REVERSED}), it is credited to another member ({@code COUPON_CREDITED_TO_OTHER_MEMBER}),
 * the claim names no coupon number and none is known ({@code COUPON_NUMBER_REQUIRED}), or the
 * flight earns nothing by the program's rules (the rating codes, e.g. {@code CLASS_NOT_ELIGIBLE},
 * {@code UNKNOWN_AIRPORT}), or the ledger refuses the credit (e.g. {@code MEMBER_NOT_ACTIVE}).
 */
public class ClaimNotCreditableException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public ClaimNotCreditableException(String code, String message) {
    super(code, ErrorKind.BUSINESS_RULE, message);
  }
}
