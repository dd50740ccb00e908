package org.openmiles.console.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.tiers.api.MemberTiers;
import org.openmiles.tiers.api.TierBenefits;

/**
 * What tells members of the same name apart in a search besides the birth date: each one's tier
 * today and miles balance. The tiers of all are one read; the balances one read each (a search
 * shows at most 50). A module that cannot answer leaves its column empty, the search still works.
 */
@ApplicationScoped
public class MemberSearchDetails {
  static final Logger LOG = Logger.getLogger(MemberSearchDetails.class.getName());

  @Inject MemberTiers tiers;
  @Inject MilesLedger ledger;

  /** A found member's tier name and balance; null where the module could not answer. */
  public record Detail(String tierName, Long balance) {}

  public Map<MemberNumber, Detail> of(List<MemberView> found, LocalDate today) {
    Map<MemberNumber, Detail> out = new HashMap<>();
    if (found.isEmpty()) {
      return out;
    }
    List<MemberNumber> numbers = found.stream().map(MemberView::number).toList();
    Map<MemberNumber, TierBenefits> tierOf = Map.of();
    try {
      tierOf = tiers.tiersOn(numbers, today);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "member search: tiers not available", e);
    }
    boolean balances = true;
    for (MemberNumber n : numbers) {
      Long balance = null;
      if (balances) {
        try {
          balance = ledger.balance(n).balance();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "member search: balances not available", e);
          balances = false; // one failure is enough: do not wait on it 50 times
        }
      }
      TierBenefits tier = tierOf.get(n);
      out.put(n, new Detail(tier == null ? null : tier.name(), balance));
    }
    return out;
  }
}
