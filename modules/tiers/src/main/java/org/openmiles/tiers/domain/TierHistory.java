package org.openmiles.tiers.domain;

import java.util.List;
import org.openmiles.tiers.api.TierHistoryView;

/** The history of members' tier moves. */
public interface TierHistory {

  void insertHistory(List<HistoryEntry> entries);

  /** The member's history, newest first. */
  List<TierHistoryView> history(String member);
}
