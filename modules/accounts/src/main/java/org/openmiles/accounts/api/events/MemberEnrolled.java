package org.openmiles.accounts.api.events;

import java.time.Instant;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.outbox.Outgoing;

/**
 * A member was enrolled. Observers in the enrolling transaction see it at once; it also leaves
 * through the outbox (topic {@value #TOPIC}, key the member number), for work that must happen
 * after the enrollment committed and must not be lost if the process dies then (ADR 0033).
 */
public record MemberEnrolled(MemberNumber member, String country, Instant enrolledAt)
    implements Outgoing {
  /** The outbox topic of enrollments. */
  public static final String TOPIC = "member-enrolled";

  @Override
  public String outboxTopic() {
    return TOPIC;
  }

  @Override
  public String outboxKey() {
    return member.value();
  }
}
