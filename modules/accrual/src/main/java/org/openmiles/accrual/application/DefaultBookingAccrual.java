package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.ActivityResult.Outcome;
import org.openmiles.accrual.api.BookedSegment;
import org.openmiles.accrual.api.BookedSegmentView;
import org.openmiles.accrual.api.BookingAccrual;
import org.openmiles.accrual.api.BookingNotFoundException;
import org.openmiles.accrual.api.BookingView;
import org.openmiles.accrual.api.PendingMilesView;
import org.openmiles.accrual.domain.BookingRepository;
import org.openmiles.accrual.domain.FlightRating;
import org.openmiles.accrual.domain.NewSegment;
import org.openmiles.accrual.domain.PartnerEarnRule.RatingException;
import org.openmiles.accrual.domain.PassengerSegment;
import org.openmiles.accrual.domain.StoredSegment;
import org.openmiles.tiers.api.MemberTiers;
import org.openmiles.tiers.api.TierBenefits;

/**
 * Stores booked segments a chunk per transaction and rates the confirmed ones of enrolled members
 * for their expected miles, with {@link FlightRater} as flown coupons are rated, at the tier the
 * member holds today. Nothing is posted to the ledger.
 *
 * <p>Snapshot order: a segment is updated only by a file whose (header file date, file id) is
 * greater than the one that last wrote it, so an older file arriving late changes nothing. A FLOWN
 * segment is final. A segment whose coupon was credited before its booking file arrived is linked
 * at once, and so is one whose flight a missing-miles claim was filed for (ADR 0022).
 */
@ApplicationScoped
@Transactional
public class DefaultBookingAccrual extends HostCarrierFiles<BookedSegment>
    implements BookingAccrual {

  @Inject BookingRepository bookings;
  @Inject FlightRules rules;
  @Inject MemberService members;
  @Inject MemberTiers tiers;

  public DefaultBookingAccrual() {
    super("BOOKINGS", "booking files");
  }

  @Override
  public List<ActivityResult> credit(long fileId, List<BookedSegment> chunk) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    ActivityResult[] results = new ActivityResult[chunk.size()];
    Map<String, StoredSegment> known = bookings.findForUpdate(chunk);

    List<Integer> toWrite = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      BookedSegment s = chunk.get(i);
      StoredSegment before = known.get(s.key());
      boolean newer =
          before == null
              || (!before.state().equals("FLOWN") && before.olderThan(s.fileDate(), fileId));
      if (newer) {
        toWrite.add(i);
      } else {
        results[i] = againstStored(fileId, s, before);
      }
    }

    Map<MemberNumber, TierBenefits> tierOf = earningMembers(chunk, toWrite, today);
    FlightRater rater = new FlightRater(rules);
    List<NewSegment> rows = new ArrayList<>(toWrite.size());
    for (int i : toWrite) {
      rows.add(rate(chunk.get(i), tierOf, rater));
    }
    Set<String> written = bookings.upsert(fileId, rows, now);
    List<BookedSegment> writtenSegments = new ArrayList<>();
    for (int i : toWrite) {
      BookedSegment s = chunk.get(i);
      if (written.contains(s.key())) {
        writtenSegments.add(s);
        results[i] = new ActivityResult(s.lineNumber(), Outcome.CREDITED, 0, null, null);
      } else {
        results[i] =
            new ActivityResult(
                s.lineNumber(),
                Outcome.DUPLICATE,
                0,
                "DUPLICATE",
                "segment " + s.key() + " was updated meanwhile by a newer file");
      }
    }
    bookings.linkAlreadyFlown(writtenSegments, now);
    // claims are filed for flights flown by today only: an upcoming segment cannot have one
    bookings.linkClaims(
        writtenSegments.stream().filter(s -> !s.flight().date().isAfter(today)).toList());
    return List.of(results);
  }

  /** The answer for a segment this file may not update. */
  private static ActivityResult againstStored(long fileId, BookedSegment s, StoredSegment before) {
    long line = s.lineNumber();
    if (before.fileId() == fileId && before.lineNo() == line) { // an interrupted run wrote it
      return new ActivityResult(line, Outcome.CREDITED, 0, null, null);
    }
    String why;
    if (before.state().equals("FLOWN")) {
      why = "segment " + s.key() + " was flown (coupon " + before.flownCoupon() + ")";
    } else if (before.fileId() == fileId) {
      why = "segment " + s.key() + " appears earlier in this file, on line " + before.lineNo();
    } else {
      why =
          "segment "
              + s.key()
              + " was updated by a newer file (file date "
              + before.fileDate()
              + ", file id "
              + before.fileId()
              + "); this file does not change it";
    }
    return new ActivityResult(line, Outcome.DUPLICATE, 0, "DUPLICATE", why);
  }

  /**
   * The tier today of each member of the confirmed segments to write who is enrolled and may earn;
   * members not enrolled or closed are not in the answer (their segments expect nothing).
   */
  private Map<MemberNumber, TierBenefits> earningMembers(
      List<BookedSegment> chunk, List<Integer> toWrite, LocalDate today) {
    Map<MemberNumber, Boolean> earns = new HashMap<>();
    for (int i : toWrite) {
      BookedSegment s = chunk.get(i);
      MemberNumber member = s.passenger().member();
      if (member != null && s.status() == BookedSegment.Status.CONFIRMED) {
        // one lookup per distinct member: accounts has no set-based "which are enrolled" yet
        earns.computeIfAbsent(
            member, m -> members.find(m).map(v -> v.status().mayEarn()).orElse(Boolean.FALSE));
      }
    }
    List<MemberNumber> earning =
        earns.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    return earning.isEmpty() ? Map.of() : tiers.tiersOn(earning, today);
  }

  private NewSegment rate(
      BookedSegment s, Map<MemberNumber, TierBenefits> tierOf, FlightRater rater) {
    String state = s.status().name();
    if (s.status() != BookedSegment.Status.CONFIRMED) {
      boolean waitlisted = s.status() == BookedSegment.Status.WAITLISTED;
      return nothing(s, state, waitlisted ? "NOT_CONFIRMED" : "SEGMENT_CANCELLED");
    }
    if (s.passenger().member() == null) {
      return nothing(s, state, "NO_MEMBER_NUMBER");
    }
    TierBenefits tier = tierOf.get(s.passenger().member());
    if (tier == null) {
      return nothing(s, state, "MEMBER_NOT_ENROLLED");
    }
    try {
      FlightRating r =
          rater.rate(
              new FlightRater.Segment(
                  s.flight().marketingCarrier(),
                  s.bookingClass(),
                  s.flight().origin(),
                  s.flight().destination(),
                  s.flight().date(),
                  null,
                  null),
              tier);
      return new NewSegment(s, state, r, tier.code(), null);
    } catch (RatingException e) {
      return nothing(s, state, e.code());
    }
  }

  private static NewSegment nothing(BookedSegment s, String state, String reason) {
    return new NewSegment(s, state, FlightRating.NONE, null, reason);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public PendingMilesView pendingMiles(MemberNumber member) {
    MemberView m = members.get(member);
    LocalDate today = LocalDate.now(clock);
    List<BookedSegmentView> upcoming = bookings.pending(m.number().value(), today);
    long expected = 0;
    long qualifying = 0;
    BigDecimal flights = BigDecimal.ZERO.setScale(2);
    for (BookedSegmentView v : upcoming) {
      expected += v.expectedMiles();
      qualifying += v.qualifyingMiles();
      flights = flights.add(v.qualifyingFlights());
    }
    return new PendingMilesView(
        m.number().value(), today, upcoming.size(), expected, qualifying, flights, upcoming);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public BookingView booking(String pnr) {
    List<PassengerSegment> rows = bookings.byPnr(pnr);
    if (rows.isEmpty()) {
      throw new BookingNotFoundException("no booking file has brought PNR " + pnr);
    }
    Map<Integer, List<PassengerSegment>> byPassenger = new LinkedHashMap<>();
    rows.forEach(
        r ->
            byPassenger
                .computeIfAbsent(r.segment().passengerNumber(), k -> new ArrayList<>())
                .add(r));
    List<BookingView.Passenger> passengers = new ArrayList<>();
    byPassenger.forEach(
        (no, list) -> {
          // the passenger's details as the newest of their segments says them
          PassengerSegment latest =
              list.stream()
                  .max(java.util.Comparator.comparing(r -> r.segment().fileDate()))
                  .orElseThrow();
          passengers.add(
              new BookingView.Passenger(
                  no,
                  latest.lastName(),
                  latest.firstName(),
                  latest.segment().memberNumber(),
                  latest.ticket(),
                  list.stream().map(PassengerSegment::segment).toList()));
        });
    return new BookingView(pnr, passengers);
  }
}
