package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmiles.accounts.api.events.MemberEnrolled;
import org.openmiles.accrual.api.PartnerAccrual;

/**
 * When a member enrolls, partner records and flown coupons parked for their number are credited, in
 * a transaction of their own after the enrollment committed: a failure here never undoes an
 * enrollment, and the records simply stay parked (the ledger's source references make a later retry
 * safe).
 */
@ApplicationScoped
public class ParkedActivityOnEnrollment {
  private static final Logger LOG = Logger.getLogger(ParkedActivityOnEnrollment.class.getName());

  @Inject PartnerAccrual accrual;
  @Inject org.openmiles.accrual.api.FlightAccrual flights;

  void onEnrolled(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberEnrolled e) {
    try {
      accrual.creditParked(e.member());
    } catch (RuntimeException ex) {
      LOG.log(
          Level.WARNING,
          "parked records of new member " + e.member() + " stay parked: " + ex.getMessage(),
          ex);
    }
    try {
      flights.creditParked(e.member());
    } catch (RuntimeException ex) {
      LOG.log(
          Level.WARNING,
          "parked coupons of new member " + e.member() + " stay parked: " + ex.getMessage(),
          ex);
    }
  }
}
