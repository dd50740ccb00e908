package org.openmiles.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openmiles.accounts.api.events.MemberEnrolled;
import org.openmiles.accounts.api.events.MilesPosted;

/** Records the events that reach an after-commit observer, as a side-effect observer sees them. */
@ApplicationScoped
public class EventRecorder {
  private final List<MilesPosted> milesPosted = new CopyOnWriteArrayList<>();
  private final List<MemberEnrolled> enrolled = new CopyOnWriteArrayList<>();

  public List<MilesPosted> milesPosted() {
    return List.copyOf(milesPosted);
  }

  public List<MemberEnrolled> enrolled() {
    return List.copyOf(enrolled);
  }

  void onMiles(@Observes(during = TransactionPhase.AFTER_SUCCESS) MilesPosted e) {
    milesPosted.add(e);
  }

  void onEnrolled(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberEnrolled e) {
    enrolled.add(e);
  }

  public void clear() {
    milesPosted.clear();
    enrolled.clear();
  }
}
