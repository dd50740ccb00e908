package org.openmiles.retention.api;

import java.util.List;
import org.openmiles.accounts.api.MemberNumber;

/**
 * A member's consents: the latest decision per channel (a channel never answered is absent, and
 * absent means no consent) and every decision ever recorded, newest first.
 */
public record MemberConsentsView(
    MemberNumber member, List<ConsentView> current, List<ConsentView> history) {
  public MemberConsentsView {
    current = List.copyOf(current);
    history = List.copyOf(history);
  }
}
