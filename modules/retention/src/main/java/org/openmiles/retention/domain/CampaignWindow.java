package org.openmiles.retention.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A campaign's contact window: a member is selected at most once in any {@code days} days, or once
 * ever ({@code days} null). Two rules make it hold: a selection looks back {@code days} days for an
 * earlier one of the campaign ({@link #notSelectedAfter}: rolling), and the unique key of the
 * outbox ({@code campaign, member, window key}) refuses a second row in the same bucket ({@link
 * #key}), so two runs at once (two instances, a retry) cannot both add the member.
 */
public record CampaignWindow(Integer days) {
  public static final String EVER = "EVER";

  public CampaignWindow {
    if (days != null && days < 1) {
      throw new IllegalArgumentException("a window is at least one day");
    }
  }

  public static CampaignWindow onceEver() {
    return new CampaignWindow(null);
  }

  public boolean ever() {
    return days == null;
  }

  /** The window key of a selection on {@code date}: EVER, or the first day of its bucket. */
  public String key(LocalDate date) {
    if (days == null) {
      return EVER;
    }
    long epochDay = date.toEpochDay();
    return LocalDate.ofEpochDay(Math.floorDiv(epochDay, days) * days).toString();
  }

  /**
   * Earlier selections on or before this day do not count against a selection on {@code date}
   * (empty for once ever: every earlier selection counts).
   */
  public Optional<LocalDate> notSelectedAfter(LocalDate date) {
    return days == null ? Optional.empty() : Optional.of(date.minusDays(days));
  }
}
