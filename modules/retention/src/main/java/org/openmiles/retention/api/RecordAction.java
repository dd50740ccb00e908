package org.openmiles.retention.api;

import java.util.Objects;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Post one engagement action of {@code member}: {@code actionId} is the client's id, unique across
 * all actions (the same id again is the same action), {@code type} a code of the catalogue, {@code
 * referredMember} the friend's member number for a {@code REFERRAL} (null otherwise), {@code
 * principal} who posted it (the token's subject).
 */
public record RecordAction(
    MemberNumber member,
    String actionId,
    String type,
    MemberNumber referredMember,
    String principal) {
  public RecordAction {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(actionId, "actionId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(principal, "principal");
  }
}
