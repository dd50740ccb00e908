package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accrual.api.LedgerReferences;
import org.openmiles.accrual.domain.Promotion;
import org.openmiles.accrual.domain.PromotionAward;
import org.openmiles.accrual.domain.PromotionRepository;
import org.openmiles.accrual.domain.PromotionTarget;
import org.openmiles.accrual.domain.Promotions;
import org.openmiles.accrual.domain.Promotions.MemberKey;
import org.openmiles.common.text.Texts;

/**
 * Promotion bonuses for earnings that are being credited: flights and partner records alike. It
 * works inside the caller's transaction (it never starts one: {@code MANDATORY}), because what it
 * computes is only right together with what the caller posts in that transaction. The caller:
 *
 * <ol>
 *   <li>calls {@link #bonuses} <em>before</em> posting anything to the ledger in the transaction:
 *       it locks the running totals of the capped promotions involved, which keeps every lock taken
 *       in one order (promotion totals, then ledger accounts) and keeps a concurrent transaction
 *       from paying the same member past a cap until this one ends;
 *   <li>posts a bonus only if its earning's base posting was accepted (posted, or replayed by the
 *       ledger), never for a refused or parked earning;
 *   <li>calls {@link #confirm} with the bonuses the ledger accepted, to add them to the totals.
 * </ol>
 *
 * <p>Re-running the same earning is safe. A bonus's ledger reference is derived from the earning's
 * reference and the promotion code, so the ledger replays it; {@link #bonuses} returns a bonus
 * recorded before exactly as it was recorded (not recomputed against a cap it has already used);
 * and {@link #confirm} keeps one row per bonus reference, so a replayed bonus is not counted twice.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PromotionBonuses {

  @Inject PromotionRepository repository;

  /**
   * The bonus postings for {@code targets}, ordered by target index, then promotion code; empty
   * when no promotion applies. Locks the running totals of the capped promotions that apply until
   * the transaction ends.
   */
  public List<PromotionBonus> bonuses(List<PromotionTarget> targets) {
    return bonuses(targets, true);
  }

  /**
   * The bonuses {@code targets} would get if credited now (a what-if), nothing locked or written:
   * caps count what each member has received so far as it stands.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PromotionBonus> preview(List<PromotionTarget> targets) {
    return bonuses(targets, false);
  }

  private List<PromotionBonus> bonuses(List<PromotionTarget> targets, boolean lock) {
    if (targets.isEmpty()) {
      return List.of();
    }
    LocalDate first =
        targets.stream().map(PromotionTarget::activityDate).min(Comparator.naturalOrder()).get();
    LocalDate last =
        targets.stream().map(PromotionTarget::activityDate).max(Comparator.naturalOrder()).get();
    Promotions promotions = promotions(repository.overlapping(first, last), targets);
    if (promotions.isEmpty()) {
      return List.of();
    }
    SortedSet<MemberKey> capped = promotions.cappedKeys(targets);
    // locked first: see the class comment
    Map<MemberKey, Long> totals = lock ? repository.lockTotals(capped) : repository.totals(capped);
    Map<String, Long> before = repository.awarded(promotions.candidateReferences(targets));
    return promotions.bonuses(targets, totals, before).stream()
        .map(
            a -> {
              PromotionTarget t = targets.get(a.targetIndex());
              return new PromotionBonus(
                  a.targetIndex(),
                  a.promotion().code(),
                  a.miles(),
                  PostMiles.credit(
                      t.member(),
                      a.miles(),
                      a.reference(),
                      t.activityDate(),
                      describe(a.promotion().name())));
            })
        .toList();
  }

  /** The promotions with the registrations of the targets' members for those that ask for it. */
  private Promotions promotions(List<Promotion> overlapping, List<PromotionTarget> targets) {
    Promotions promotions = new Promotions(overlapping);
    SortedSet<String> asking = promotions.askingForRegistration();
    if (asking.isEmpty()) {
      return promotions;
    }
    SortedSet<MemberKey> keys = new java.util.TreeSet<>();
    for (String code : asking) {
      targets.forEach(t -> keys.add(new MemberKey(code, t.member())));
    }
    return new Promotions(overlapping, repository.registrations(keys));
  }

  /**
   * Adds bonuses the ledger accepted to their promotions' running totals. Call it only with bonuses
   * whose posting succeeded (posted now or replayed); a bonus confirmed before (same ledger
   * reference) is not counted again.
   */
  public void confirm(List<PromotionBonus> posted) {
    repository.record(
        posted.stream()
            .map(
                b ->
                    new PromotionAward(
                        b.posting().source().value(),
                        b.promotionCode(),
                        b.posting().member(),
                        b.miles()))
            .toList());
  }

  /**
   * The promotion bonus miles awarded on top of each of these earnings (base ledger reference to
   * activity date), to take them back with the earning. The award references are built as the
   * bonuses' were ({@link LedgerReferences#promotionBonus}, the hashed form of a long one included)
   * for every promotion in force at some time between the earliest and latest of the dates; an
   * earning without a bonus is absent.
   */
  public Map<String, Long> awardedOn(Map<String, LocalDate> earnings) {
    Map<String, Long> out = new java.util.HashMap<>();
    if (earnings.isEmpty()) {
      return out;
    }
    LocalDate first = earnings.values().stream().min(Comparator.naturalOrder()).get();
    LocalDate last = earnings.values().stream().max(Comparator.naturalOrder()).get();
    List<Promotion> inForce = repository.overlapping(first, last);
    if (inForce.isEmpty()) {
      return out;
    }
    Map<String, String> baseOf = new java.util.HashMap<>();
    for (String base : earnings.keySet()) {
      for (Promotion p : inForce) {
        baseOf.put(LedgerReferences.promotionBonus(base, p.code()), base);
      }
    }
    repository
        .awarded(List.copyOf(baseOf.keySet()))
        .forEach((award, miles) -> out.merge(baseOf.get(award), miles, Long::sum));
    return out;
  }

  private static String describe(String promotionName) {
    String d = "Promotion " + promotionName;
    return Texts.truncate(d, PostMiles.MAX_DESCRIPTION);
  }
}
