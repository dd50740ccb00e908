package org.openmiles.redemption.domain;

import java.time.LocalDate;
import java.util.List;
import org.openmiles.accounts.api.ExpiringMilesPage;
import org.openmiles.accounts.api.MemberNumber;

/** The notices of expiring miles given to members, each once per window and first expiry. */
public interface ExpiryNotices {

  /** Records notices not given before; returns the members newly noticed. */
  List<MemberNumber> recordNotices(
      int windowDays, LocalDate asOf, List<ExpiringMilesPage.Member> members);
}
