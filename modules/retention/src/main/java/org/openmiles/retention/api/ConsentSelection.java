package org.openmiles.retention.api;

import java.util.Collection;
import java.util.Set;
import org.openmiles.accounts.api.MemberNumber;

/**
 * The one rule every campaign and export selects its audience by: a member may be contacted on a
 * channel only if their latest decision for that channel granted consent. A member who withdrew is
 * excluded until they grant again; a member who never answered for the channel is excluded (no
 * consent is no consent).
 *
 * <p>In SQL, inside retention, the rule is a join on the latest decision ({@link #SQL_RULE}):
 *
 * <pre>
 * join retention.member_consent c
 *   on c.member_number = candidate.member_number and c.channel = :channel and c.granted
 * </pre>
 *
 * {@code member_consent} holds each member's latest decision per channel, written in the same
 * transaction as the history row under that row's lock, so it never lags the history.
 */
public interface ConsentSelection {
  /** The join every audience query inside retention uses (channel as the one parameter). */
  String SQL_RULE =
      "join retention.member_consent c on c.member_number = candidate.member_number"
          + " and c.channel = ? and c.granted";

  /** Of {@code members}, those whose latest decision for {@code channel} granted consent. */
  Set<MemberNumber> consented(Channel channel, Collection<MemberNumber> members);
}
