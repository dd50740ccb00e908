package org.openmiles.retention.api;

import java.util.Objects;
import org.openmiles.accounts.api.MemberNumber;

/**
 * A member's decision for one channel: granted or withdrawn, where it came from, who recorded it.
 */
public record RecordConsent(
    MemberNumber member, Channel channel, boolean granted, ConsentSource source, String principal) {
  public RecordConsent {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(principal, "principal");
  }
}
