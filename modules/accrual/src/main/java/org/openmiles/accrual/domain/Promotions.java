package org.openmiles.accrual.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.api.LedgerReferences;

/**
 * The promotion engine, without I/O: which promotions apply to which earnings, and how many bonus
 * miles each gets, given what every member has already received from each promotion.
 *
 * <p>Rules, beyond those of one {@link Promotion}:
 *
 * <ul>
 *   <li>A promotion may come in several versions (its terms from successive dates); at most one of
 *       them is in force on an activity date, so a target gets at most one bonus per promotion.
 *   <li>A promotion that asks for registration applies only to members registered for it on or
 *       before the activity date.
 *   <li>Several promotions may apply to one target; each gives its own bonus. They are taken in
 *       promotion code order, targets in the order given, so the result is deterministic.
 *   <li>A cap ({@code max_bonus_per_member}) holds over the whole promotion: a member is paid up to
 *       what remains of it (a partial bonus), then nothing. Earlier targets of the same call use up
 *       the cap before later ones.
 *   <li>A bonus already awarded for the same target and promotion (a replay: the same bonus
 *       reference was recorded before) is returned as awarded, not computed again, and does not use
 *       the cap a second time: it is already in the member's total.
 *   <li>A bonus that rounds to zero is no bonus.
 * </ul>
 *
 * The caller must hold the lock that makes {@code awardedSoFar} current for every capped
 * (promotion, member) pair it passes (see {@link #cappedKeys}); this class only does the
 * arithmetic.
 */
public final class Promotions {

  /** A member's running total of one promotion is kept under this key. */
  public record MemberKey(String promotionCode, MemberNumber member)
      implements Comparable<MemberKey> {
    private static final Comparator<MemberKey> ORDER =
        Comparator.comparing(MemberKey::promotionCode).thenComparing(k -> k.member().value());

    public MemberKey {
      Objects.requireNonNull(promotionCode, "promotionCode");
      Objects.requireNonNull(member, "member");
    }

    @Override
    public int compareTo(MemberKey o) {
      return ORDER.compare(this, o);
    }
  }

  /**
   * A bonus for the target at {@code targetIndex}, under {@code reference} (its ledger source
   * reference); {@code replay} when it had been awarded before.
   */
  public record Award(
      int targetIndex, Promotion promotion, long miles, String reference, boolean replay) {}

  private final List<Promotion> promotions;
  private final Map<MemberKey, LocalDate> registeredOn;

  /** Promotions none of which asks for registration, or nobody registered. */
  public Promotions(List<Promotion> promotions) {
    this(promotions, Map.of());
  }

  /**
   * Promotions in code order, the versions of one code in date order and never two of them in force
   * on one date; {@code registeredOn} is the date each member registered for a promotion (only
   * those asking for registration read it).
   */
  public Promotions(List<Promotion> promotions, Map<MemberKey, LocalDate> registeredOn) {
    List<Promotion> sorted = new ArrayList<>(promotions);
    sorted.sort(Comparator.comparing(Promotion::code).thenComparing(p -> p.version().from()));
    for (int i = 1; i < sorted.size(); i++) {
      Promotion p = sorted.get(i);
      Promotion before = sorted.get(i - 1);
      if (p.code().equals(before.code()) && p.version().overlaps(before.version())) {
        throw new IllegalArgumentException(
            "promotion " + p.code() + " given twice for " + p.version().from());
      }
    }
    this.promotions = List.copyOf(sorted);
    this.registeredOn = Map.copyOf(registeredOn);
  }

  /** The codes of the promotions that pay only registered members. */
  public SortedSet<String> askingForRegistration() {
    SortedSet<String> codes = new TreeSet<>();
    promotions.stream().filter(Promotion::registrationRequired).forEach(p -> codes.add(p.code()));
    return codes;
  }

  public boolean isEmpty() {
    return promotions.isEmpty();
  }

  /** The promotions that apply to {@code target}, in code order. */
  public List<Promotion> applicableTo(PromotionTarget target) {
    return promotions.stream().filter(p -> p.appliesTo(target) && registered(p, target)).toList();
  }

  private boolean registered(Promotion p, PromotionTarget target) {
    if (!p.registrationRequired()) {
      return true;
    }
    LocalDate on = registeredOn.get(new MemberKey(p.code(), target.member()));
    return on != null && !on.isAfter(target.activityDate());
  }

  /**
   * The (promotion, member) pairs whose running totals the computation depends on: those of capped
   * promotions that apply to some target. Sorted, so that locks taken in this order cannot deadlock
   * with another transaction taking its own in the same order.
   */
  public SortedSet<MemberKey> cappedKeys(List<PromotionTarget> targets) {
    SortedSet<MemberKey> keys = new TreeSet<>();
    for (PromotionTarget t : targets) {
      for (Promotion p : applicableTo(t)) {
        if (p.capped()) {
          keys.add(new MemberKey(p.code(), t.member()));
        }
      }
    }
    return keys;
  }

  /** The bonus references of every (target, applicable promotion) pair, for the replay lookup. */
  public List<String> candidateReferences(List<PromotionTarget> targets) {
    List<String> refs = new ArrayList<>();
    for (PromotionTarget t : targets) {
      for (Promotion p : applicableTo(t)) {
        refs.add(LedgerReferences.promotionBonus(t.ledgerReference(), p.code()));
      }
    }
    return refs;
  }

  /**
   * The bonuses of {@code targets}, ordered by target index then promotion code.
   *
   * @param awardedSoFar miles each (promotion, member) pair has received so far; a missing pair has
   *     received nothing
   * @param awardedBefore miles already awarded under a bonus reference (replays)
   */
  public List<Award> bonuses(
      List<PromotionTarget> targets,
      Map<MemberKey, Long> awardedSoFar,
      Map<String, Long> awardedBefore) {
    Map<MemberKey, Long> running = new HashMap<>(awardedSoFar);
    List<Award> awards = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      PromotionTarget t = targets.get(i);
      for (Promotion p : applicableTo(t)) {
        String reference = LedgerReferences.promotionBonus(t.ledgerReference(), p.code());
        Long before = awardedBefore.get(reference);
        if (before != null) {
          awards.add(new Award(i, p, before, reference, true));
          continue;
        }
        long bonus = p.bonusFor(t.baseMiles());
        if (p.capped()) {
          MemberKey key = new MemberKey(p.code(), t.member());
          long soFar = running.getOrDefault(key, 0L);
          bonus = Math.max(0, Math.min(bonus, p.maxBonusPerMember() - soFar));
          running.put(key, soFar + bonus);
        }
        if (bonus > 0) {
          awards.add(new Award(i, p, bonus, reference, false));
        }
      }
    }
    return awards;
  }
}
