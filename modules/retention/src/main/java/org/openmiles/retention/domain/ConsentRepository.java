package org.openmiles.retention.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.retention.api.Channel;
import org.openmiles.retention.api.ConsentView;
import org.openmiles.retention.api.RecordConsent;

/**
 * Consent decisions: the append-only history ({@code retention.consent_event}) and the latest
 * decision per member and channel ({@code retention.member_consent}).
 */
public interface ConsentRepository {
  /**
   * Locks the member's current decision for the channel until the transaction ends and returns it;
   * if there is none, inserts {@code decision} as the current one (locked) and returns empty.
   */
  Optional<ConsentView> lockCurrent(RecordConsent decision, Instant now);

  /** Appends the decision to the history; its event id. */
  long append(RecordConsent decision, Instant now);

  /** Makes the decision (event {@code eventId}) the current one. */
  void setCurrent(RecordConsent decision, long eventId, Instant now);

  List<ConsentView> current(MemberNumber member);

  List<ConsentView> history(MemberNumber member);

  /** Of {@code members}, those whose current decision for {@code channel} is granted. */
  Set<String> granted(Channel channel, Collection<String> members);
}
