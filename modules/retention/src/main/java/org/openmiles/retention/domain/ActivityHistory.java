package org.openmiles.retention.domain;

/**
 * A member's repeat activity over an observation window, as the customer-base models read it, in
 * one unit of time (weeks, say): {@code repeats} activities after the first (several on one day
 * count as one), the time {@code lastAt} from the first activity to the last one (0 without
 * repeats), and the time {@code observedFor} from the first activity to the end of the window.
 */
public record ActivityHistory(int repeats, double lastAt, double observedFor) {
  public ActivityHistory {
    if (repeats < 0 || lastAt < 0 || observedFor < lastAt || (repeats == 0 && lastAt != 0)) {
      throw new IllegalArgumentException(
          "not a history: repeats "
              + repeats
              + ", last at "
              + lastAt
              + ", observed for "
              + observedFor);
    }
  }
}
