package org.openmiles.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openmiles.accounts.api.events.MemberEnrolled;
import org.openmiles.accounts.api.events.MilesPosted;
import org.openmiles.cashmiles.api.events.CashMilesAuthorized;
import org.openmiles.cashmiles.api.events.CashMilesCaptured;
import org.openmiles.cashmiles.api.events.CashMilesRefunded;
import org.openmiles.cashmiles.api.events.CashMilesVoided;
import org.openmiles.redemption.api.events.AwardCancelled;
import org.openmiles.redemption.api.events.AwardRedeemed;

/** Records the events that reach an after-commit observer, as a side-effect observer sees them. */
@ApplicationScoped
public class EventRecorder {
  private final List<MilesPosted> milesPosted = new CopyOnWriteArrayList<>();
  private final List<MemberEnrolled> enrolled = new CopyOnWriteArrayList<>();
  private final List<Object> cashMiles = new CopyOnWriteArrayList<>();
  private final List<Object> awards = new CopyOnWriteArrayList<>();

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

  /** The Cash &amp; Miles events, in the order they were committed. */
  public List<Object> cashMiles() {
    return List.copyOf(cashMiles);
  }

  void onAuthorized(@Observes(during = TransactionPhase.AFTER_SUCCESS) CashMilesAuthorized e) {
    cashMiles.add(e);
  }

  void onCaptured(@Observes(during = TransactionPhase.AFTER_SUCCESS) CashMilesCaptured e) {
    cashMiles.add(e);
  }

  void onVoided(@Observes(during = TransactionPhase.AFTER_SUCCESS) CashMilesVoided e) {
    cashMiles.add(e);
  }

  void onRefunded(@Observes(during = TransactionPhase.AFTER_SUCCESS) CashMilesRefunded e) {
    cashMiles.add(e);
  }

  /** The award events, in the order they were committed. */
  public List<Object> awards() {
    return List.copyOf(awards);
  }

  void onRedeemed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AwardRedeemed e) {
    awards.add(e);
  }

  void onCancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) AwardCancelled e) {
    awards.add(e);
  }

  public void clear() {
    awards.clear();
    milesPosted.clear();
    enrolled.clear();
    cashMiles.clear();
  }
}
