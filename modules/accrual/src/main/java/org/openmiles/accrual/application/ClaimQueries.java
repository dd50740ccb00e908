package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accrual.api.ClaimBooking;
import org.openmiles.accrual.api.ClaimNotFoundException;
import org.openmiles.accrual.api.ClaimStatus;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.domain.BookingRepository;
import org.openmiles.accrual.domain.ClaimRepository;
import org.openmiles.accrual.domain.StoredClaim;

/**
 * Claims as members and agents read them, each with the member's booked segment of the flight. Runs
 * in the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ClaimQueries {

  @Inject ClaimRepository claims;
  @Inject BookingRepository bookings;
  @Inject MemberService members;

  /** The member's claims, newest first; the member must exist. */
  public List<ClaimView> ofMember(MemberNumber member, int limit) {
    members.get(member);
    return withBookings(claims.ofMember(member.value(), limit));
  }

  public List<ClaimView> queue(ClaimStatus status, long afterId, int limit) {
    return withBookings(claims.queue(status, afterId, limit));
  }

  public ClaimView get(long id) {
    ClaimView v = claims.find(id).map(StoredClaim::view).orElseThrow(() -> notFound(id));
    return withBookings(List.of(v)).get(0);
  }

  /** The claims with their booked segments, read in one statement. */
  private List<ClaimView> withBookings(List<ClaimView> views) {
    if (views.isEmpty()) {
      return views;
    }
    Map<Long, ClaimBooking> booked = bookings.ofClaims(views.stream().map(ClaimView::id).toList());
    return views.stream().map(v -> v.withBooking(booked.get(v.id()))).toList();
  }

  static ClaimNotFoundException notFound(long id) {
    return new ClaimNotFoundException("no claim " + id);
  }
}
