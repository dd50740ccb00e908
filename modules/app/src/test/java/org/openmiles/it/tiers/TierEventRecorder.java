package org.openmiles.it.tiers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openmiles.tiers.api.events.TierChanged;

/** Records the tier changes that reach an after-commit observer. */
@ApplicationScoped
public class TierEventRecorder {
  private final List<TierChanged.Change> changes = new CopyOnWriteArrayList<>();

  void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TierChanged e) {
    changes.addAll(e.changes());
  }

  public List<TierChanged.Change> of(String member) {
    return changes.stream().filter(c -> c.member().equals(member)).toList();
  }
}
