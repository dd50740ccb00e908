package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.events.MilesPosted;
import org.openmiles.retention.api.events.ReferralQualified;
import org.openmiles.retention.domain.EngagementRepository;

/**
 * Detects that a referred friend flew: a {@link MilesPosted} entry of the friend that is a CREDIT
 * carrying qualifying flights (a flown coupon, or a claim credited for one; partner activity
 * carries no flights). In the posting's own transaction it marks the friend's PENDING referral
 * QUALIFIED and fires {@link ReferralQualified}, which leaves through the outbox: the referrer's
 * points and miles are credited after the posting committed, in a transaction of their own, so
 * crediting them never holds up or endangers the flight's posting. One indexed statement per
 * posting batch that carries flights.
 */
@ApplicationScoped
public class ReferralFlights {
  @Inject EngagementRepository repo;
  @Inject Event<ReferralQualified> qualified;
  @Inject Clock clock;

  void onMilesPosted(@Observes MilesPosted posted) {
    Set<String> flew =
        posted.entries().stream()
            .filter(e -> e.type() == EntryType.CREDIT && e.qualifying().flights().signum() > 0)
            .map(e -> e.member().value())
            .collect(Collectors.toSet());
    if (flew.isEmpty()) {
      return;
    }
    for (String actionId : repo.qualifyReferrals(flew, clock.instant())) {
      qualified.fire(new ReferralQualified(actionId));
    }
  }
}
