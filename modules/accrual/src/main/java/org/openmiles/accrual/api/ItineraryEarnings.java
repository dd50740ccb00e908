package org.openmiles.accrual.api;

import java.util.List;
import org.openmiles.accounts.api.MemberNumber;

/**
 * A member-facing what-if (issue 20): the miles a planned itinerary would earn, rated by the rules
 * in force on each segment's date with the member's tier, the promotions that would pay (with the
 * member's registrations and what their caps have left) — exactly as a flown-coupon file would
 * credit it. Nothing is written.
 */
public interface ItineraryEarnings {

  /** The most segments one what-if rates. */
  int MAX_SEGMENTS = 16;

  /**
   * @throws org.openmiles.common.ValidationException naming every broken segment field
   * @throws org.openmiles.accounts.api.MemberNotFoundException for an unknown member
   */
  ItineraryEarning quote(MemberNumber member, List<PlannedSegment> segments);
}
