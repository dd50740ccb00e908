package org.openmiles.accrual.api;

import java.time.LocalDate;
import java.util.Objects;
import org.openmiles.accounts.api.MemberNumber;

/**
 * One well-formed record of a partner file: the partner's transaction id is its identity (credited
 * once, whichever file carries it). {@code amount} is what it earns on (nights, days or money);
 * {@code lineNumber} points back into the file; {@code lastName} is the name the partner knows the
 * member by, checked against the member's.
 *
 * <p>A {@code reversal} (an {@code R} record of a version 2 file) takes back the record the partner
 * sent before under the same transaction id: its other fields repeat that record's (member,
 * activity date, amount), and it is reversed whole, once (ADR 0021).
 */
public record PartnerActivity(
    String partnerCode,
    String partnerTxId,
    MemberNumber member,
    LocalDate activityDate,
    ActivityAmount amount,
    String description,
    long lineNumber,
    String lastName,
    boolean reversal) {

  public PartnerActivity {
    Objects.requireNonNull(partnerCode, "partnerCode");
    Objects.requireNonNull(partnerTxId, "partnerTxId");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(activityDate, "activityDate");
    Objects.requireNonNull(amount, "amount");
    description = description == null ? "" : description;
    lastName = lastName == null ? "" : lastName;
  }

  /** The ledger source reference of this record's miles. */
  public String ledgerReference() {
    return LedgerReferences.partnerActivity(partnerCode, partnerTxId);
  }

  /** The ledger source reference of the reversal of this record's miles. */
  public String reversalReference() {
    return LedgerReferences.reversal(ledgerReference());
  }
}
