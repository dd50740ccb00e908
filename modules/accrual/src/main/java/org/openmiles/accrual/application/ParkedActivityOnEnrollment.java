package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.events.MemberEnrolled;
import org.openmiles.accrual.api.FlightAccrual;
import org.openmiles.accrual.api.PartnerAccrual;
import org.openmiles.common.outbox.OutboxConsumer;
import org.openmiles.common.outbox.OutboxEvent;

/**
 * When a member enrolls, partner records and flown coupons parked for their number are credited.
 * The enrollment reaches here through the outbox (ADR 0033), after it committed: a failure here
 * never undoes an enrollment, the event is delivered again later (with backoff) until the credit
 * succeeds, and an instance dying between the enrollment and the credit loses nothing. A repeated
 * delivery credits nothing twice: each record's ledger source reference is credited once.
 */
@ApplicationScoped
public class ParkedActivityOnEnrollment implements OutboxConsumer {
  private static final Logger LOG = Logger.getLogger(ParkedActivityOnEnrollment.class.getName());

  @Inject PartnerAccrual accrual;
  @Inject FlightAccrual flights;

  @Override
  public String topic() {
    return MemberEnrolled.TOPIC;
  }

  @Override
  public void deliver(OutboxEvent event) {
    MemberNumber member = new MemberNumber(event.key());
    long partnerMiles = accrual.creditParked(member);
    long flightMiles = flights.creditParked(member);
    if (partnerMiles + flightMiles > 0) {
      LOG.info(
          () ->
              "new member "
                  + member.value()
                  + ": parked activity credited, "
                  + partnerMiles
                  + " miles from partner records and "
                  + flightMiles
                  + " from flown coupons");
    }
  }
}
