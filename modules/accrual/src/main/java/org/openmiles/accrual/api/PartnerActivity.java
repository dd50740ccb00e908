package org.openmiles.accrual.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.openmiles.accounts.api.MemberNumber;

/**
 * One well-formed record of a partner file: the partner's transaction id is its identity (credited
 * once, whichever file carries it). {@code quantity} counts nights, days or money in {@code
 * currency} depending on {@code basis}; {@code lineNumber} points back into the file; {@code
 * lastName} is the name the partner knows the member by, checked against the member's.
 */
public record PartnerActivity(
    String partnerCode,
    String partnerTxId,
    MemberNumber member,
    LocalDate activityDate,
    EarnBasis basis,
    BigDecimal quantity,
    String currency,
    String description,
    long lineNumber,
    String lastName) {

  public PartnerActivity {
    Objects.requireNonNull(partnerCode, "partnerCode");
    Objects.requireNonNull(partnerTxId, "partnerTxId");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(activityDate, "activityDate");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(quantity, "quantity");
    description = description == null ? "" : description;
    lastName = lastName == null ? "" : lastName;
  }

  /** The ledger source reference of this record's miles. */
  public String ledgerReference() {
    return "P:" + partnerCode + ":" + partnerTxId;
  }
}
