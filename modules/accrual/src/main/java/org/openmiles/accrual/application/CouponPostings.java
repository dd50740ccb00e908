package org.openmiles.accrual.application;

import java.time.LocalDate;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.Qualifying;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.accrual.api.Flight;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.accrual.api.LedgerReferences;

/**
 * The ledger postings of a flown coupon, one convention wherever a coupon earns or is taken back (a
 * flown-coupon file, a missing-miles claim, a parked coupon credited at enrollment): the base miles
 * with the qualifying activity, the tier bonus (not qualifying), a reversal of everything; each
 * under its {@link LedgerReferences} reference.
 */
final class CouponPostings {
  private CouponPostings() {}

  /** A coupon as its postings name it: the member credited, ticket and coupon, the flight date. */
  record Flown(MemberNumber member, String ticket, int coupon, LocalDate date) {
    Flown(FlownCoupon c) {
      this(c.member(), c.ticketNumber(), c.couponNumber(), c.flight().date());
    }

    String base() {
      return LedgerReferences.flownCoupon(ticket, coupon);
    }
  }

  /** The base credit, carrying the coupon's qualifying activity. */
  static PostMiles base(Flown f, long miles, String description, Qualifying qualifying) {
    return new PostMiles(
        f.member(),
        EntryType.CREDIT,
        miles,
        SourceReference.of(f.base()),
        f.date(),
        description,
        qualifying);
  }

  /** The tier bonus of a credit: the tier's extra miles, not qualifying. */
  static PostMiles tierBonus(Flown f, long miles, String tierCode, String flight) {
    return new PostMiles(
        f.member(),
        EntryType.CREDIT,
        miles,
        SourceReference.of(LedgerReferences.tierBonus(f.base())),
        f.date(),
        "Tier bonus " + tierCode + " on " + flight);
  }

  /** One entry taking back {@code miles} and the qualifying activity they carried. */
  static PostMiles reversal(Flown f, long miles, String description, Qualifying qualifying) {
    return new PostMiles(
        f.member(),
        EntryType.REVERSAL,
        -miles,
        SourceReference.of(LedgerReferences.reversal(f.base())),
        f.date(),
        description,
        qualifying.negate());
  }

  /** The flight as statements and ledger texts name it, e.g. {@code VN220 HAN-SGN Y}. */
  static String flight(FlownCoupon c) {
    Flight f = c.flight();
    return f.marketingCarrier()
        + f.number()
        + " "
        + f.origin()
        + "-"
        + f.destination()
        + " "
        + c.fare().bookingClass();
  }
}
