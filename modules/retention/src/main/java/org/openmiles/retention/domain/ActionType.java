package org.openmiles.retention.domain;

import java.util.Objects;
import org.openmiles.retention.api.ActionTypeView;

/**
 * One entry of the engagement catalogue and its caps rule: an action earns {@code points}, cut to
 * what is left under the daily cap (points of this type already counted on the airline day) and the
 * lifetime cap (points of this type ever counted for the member); an action with nothing left under
 * a cap counts nothing and earns no bonus miles. A null cap is no cap.
 */
public record ActionType(
    String code,
    String name,
    int points,
    Integer dailyCap,
    Integer lifetimeCap,
    long bonusMiles,
    boolean active) {
  public ActionType {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    if (points < 0 || bonusMiles < 0) {
      throw new IllegalArgumentException("points and bonus miles must not be negative");
    }
  }

  /** What an action earns now. */
  public record Award(boolean counted, int points, long bonusMiles) {
    public static final Award NOTHING = new Award(false, 0, 0);
  }

  /**
   * What one more action earns, given the points of this type already counted today and ever. With
   * a cap, the action counts only if some of the cap is left; it earns the lesser of its points and
   * what is left, and its full bonus miles.
   */
  public Award award(long pointsToday, long pointsEver) {
    long left = points;
    if (dailyCap != null) {
      left = Math.min(left, dailyCap - pointsToday);
    }
    if (lifetimeCap != null) {
      left = Math.min(left, lifetimeCap - pointsEver);
    }
    boolean capped =
        (dailyCap != null && pointsToday >= dailyCap)
            || (lifetimeCap != null && pointsEver >= lifetimeCap);
    if (capped || left < 0) {
      return Award.NOTHING;
    }
    return new Award(true, (int) left, bonusMiles);
  }

  public ActionTypeView view() {
    return new ActionTypeView(code, name, points, dailyCap, lifetimeCap, bonusMiles, active);
  }
}
