package org.openmiles.redemption.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.openmiles.accounts.api.BalanceView.ExpiringMiles;

/**
 * The program's rules for redeeming and cancelling, in force on a date: the cancellation fee (the
 * greater of a fixed number of miles and a percentage, never more than the award), whether
 * redeposited miles keep their original expiry, the nominee list, the surcharge for a passenger who
 * is not a nominee, and the age under which a family member travels as a child.
 */
public record RedemptionRule(
    long cancelFeeMiles,
    BigDecimal cancelFeePercent,
    boolean redepositKeepsExpiry,
    int nomineeLimit,
    boolean nonNomineeAllowed,
    BigDecimal nonNomineeSurchargePercent,
    int familyChildMaxAge) {

  public long cancelFee(long awardMiles) {
    long pct =
        BigDecimal.valueOf(awardMiles)
            .multiply(cancelFeePercent)
            .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
            .longValueExact();
    return Math.min(awardMiles, Math.max(cancelFeeMiles, pct));
  }

  /** Extra miles for a passenger who is not on the nominee list (round half up). */
  public long nonNomineeSurcharge(long baseMiles) {
    return BigDecimal.valueOf(baseMiles)
        .multiply(nonNomineeSurchargePercent)
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  /** Whether someone born on {@code birthDate} is still a child on {@code travelDate}. */
  public boolean isChild(LocalDate birthDate, LocalDate travelDate) {
    return !birthDate.isAfter(travelDate)
        && Period.between(birthDate, travelDate).getYears() < familyChildMaxAge;
  }

  /**
   * What goes back to the member when an award that spent {@code spent} (by expiry date, soonest
   * first) is cancelled on {@code today} for {@code fee} miles: the fee comes out of the soonest
   * expiring miles; miles whose original expiry has passed are not redeposited. Each part keeps its
   * expiry date, or has none (null: the expiry policy dates it) if the program does not keep the
   * original expiry.
   */
  public List<ExpiringMiles> redeposit(List<ExpiringMiles> spent, long fee, LocalDate today) {
    List<ExpiringMiles> out = new ArrayList<>();
    long feeLeft = fee;
    for (ExpiringMiles part : spent) {
      long miles = part.miles();
      long take = Math.min(feeLeft, miles);
      feeLeft -= take;
      miles -= take;
      if (miles == 0) {
        continue;
      }
      if (!redepositKeepsExpiry) {
        out.add(new ExpiringMiles(null, miles));
      } else if (part.expiresOn() == null || !part.expiresOn().isBefore(today)) {
        out.add(part.miles() == miles ? part : new ExpiringMiles(part.expiresOn(), miles));
      }
    }
    if (!redepositKeepsExpiry && out.size() > 1) {
      long total = out.stream().mapToLong(ExpiringMiles::miles).sum();
      return List.of(new ExpiringMiles(null, total));
    }
    return out;
  }
}
