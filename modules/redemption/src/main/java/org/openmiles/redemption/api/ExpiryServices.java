package org.openmiles.redemption.api;

import java.time.LocalDate;
import java.util.List;
import org.openmiles.accounts.api.ExpiringMilesPage;
import org.openmiles.accounts.api.MemberNumber;

/**
 * What members can do about expiring miles, and whom to tell: the members whose miles expire within
 * 30, 60 or 90 days; paid extension packages (a ledger operation moves the miles to a later expiry,
 * never an edit of entries); the daily notices ({@code MilesExpiring} events).
 */
public interface ExpiryServices {

  /** Members with miles expiring from today to {@code withinDays} later, keyset-paged. */
  ExpiringMilesPage expiring(int withinDays, MemberNumber after, int limit);

  List<ExtensionPackageView> packages();

  /** Records the purchase and extends the miles; a retry with the same reference: the first. */
  ExtensionView buyExtension(BuyExtension purchase);

  /**
   * For each window (30, 60, 90 days from {@code asOf}), fires one {@code MilesExpiring} event per
   * page of members not told yet about that expiry date; returns how many were told.
   */
  int sendExpiryNotices(LocalDate asOf);
}
