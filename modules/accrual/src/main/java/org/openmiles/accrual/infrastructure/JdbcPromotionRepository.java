package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.domain.Promotion;
import org.openmiles.accrual.domain.PromotionAward;
import org.openmiles.accrual.domain.PromotionRepository;
import org.openmiles.accrual.domain.Promotions.MemberKey;
import org.openmiles.common.jdbc.Jdbc;

/**
 * Promotions and what they have awarded, in the {@code accrual} schema: the rule rows ({@code
 * promotion}), one row per bonus posted ({@code promotion_award}, keyed by the bonus's ledger
 * reference) and per member the running total of each promotion ({@code promotion_member_total}).
 *
 * <p><b>Caps under concurrency.</b> Two transactions crediting the same member under the same
 * capped promotion must not both see room under the cap. They are serialised by a row lock on that
 * pair's running-total row, taken by {@link #lockTotals} before the totals are read and held to
 * commit. Row locks rather than {@code pg_advisory_xact_lock}: the lock and the value it protects
 * are the same row (no hash, no collisions serialising unrelated members), only capped promotions
 * pay for it, and it is plain SQL that the Oracle dialect can express ({@code MERGE} then {@code
 * select ... for update}), where advisory locks would need {@code DBMS_LOCK} and extra grants. A
 * total row that does not exist yet cannot be locked, so it is created first (insert, ignoring
 * existing rows), then all are locked. Both statements take their rows in (promotion code, member)
 * order, so two transactions never wait for each other in a cycle; and because {@link
 * org.openmiles.accrual.application.PromotionBonuses} takes these locks before the ledger locks its
 * accounts, the two lock families are always taken in the same order too.
 *
 * <p><b>Replays.</b> {@link #record} inserts award rows with {@code on conflict do nothing} on the
 * bonus's ledger reference and adds only the rows it really inserted to the totals, in the same
 * statement: confirming a bonus the ledger replayed adds nothing.
 */
@ApplicationScoped
public class JdbcPromotionRepository implements PromotionRepository {

  @Inject Jdbc jdbc;

  /** Every column of a version, and until when it is the promotion's (the next version's date). */
  static final String VERSIONS =
      """
      select id, code, name, kind, multiplier, bonus_miles, applies_to, partner_code,
             carrier_code, origin_airport, destination_airport, both_directions,
             booking_classes, region, effective_from, effective_to, max_bonus_per_member,
             version_from, registration_required, change_id,
             lead(version_from) over (partition by code order by version_from) as version_until
        from accrual.promotion""";

  @Override
  public List<Promotion> overlapping(LocalDate first, LocalDate last) {
    return jdbc.list(
        "read the promotions from " + first + " to " + last,
        "select * from ("
            + VERSIONS
            + """
            ) v
             where version_from <= ? and (version_until is null or version_until > ?)
               and effective_from <= ? and (effective_to is null or effective_to > ?)
             order by code, version_from""",
        (c, ps) -> {
          ps.setDate(1, Date.valueOf(last));
          ps.setDate(2, Date.valueOf(first));
          ps.setDate(3, Date.valueOf(last));
          ps.setDate(4, Date.valueOf(first));
        },
        JdbcPromotionRepository::promotion);
  }

  /** The version a row of {@link #VERSIONS} holds. */
  static Promotion promotion(java.sql.ResultSet rs) throws java.sql.SQLException {
    long bonus = rs.getLong("bonus_miles");
    Long bonusMiles = rs.wasNull() ? null : bonus;
    long cap = rs.getLong("max_bonus_per_member");
    Long maxBonus = rs.wasNull() ? null : cap; // right after reading the cap
    BigDecimal multiplier = rs.getBigDecimal("multiplier");
    return new Promotion(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("name"),
        new Promotion.Bonus(Promotion.Kind.valueOf(rs.getString("kind")), multiplier, bonusMiles),
        new Promotion.Scope(
            Promotion.AppliesTo.valueOf(rs.getString("applies_to")),
            rs.getString("partner_code"),
            rs.getString("carrier_code"),
            rs.getString("origin_airport"),
            rs.getString("destination_airport"),
            rs.getBoolean("both_directions"),
            rs.getString("booking_classes"),
            rs.getString("region")),
        rs.getDate("effective_from").toLocalDate(),
        Jdbc.dateOrNull(rs, "effective_to"),
        maxBonus,
        new Promotion.Version(
            rs.getDate("version_from").toLocalDate(), Jdbc.dateOrNull(rs, "version_until")),
        rs.getBoolean("registration_required"));
  }

  @Override
  public Map<MemberKey, LocalDate> registrations(SortedSet<MemberKey> keys) {
    Map<MemberKey, LocalDate> out = new HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    Object[] codes = keys.stream().map(MemberKey::promotionCode).toArray();
    Object[] members = keys.stream().map(k -> k.member().value()).toArray();
    jdbc.list(
        "read the registrations of " + keys.size() + " promotion member(s)",
        """
        select r.promotion_code, r.member_number, r.registered_on
          from accrual.promotion_registration r
          join unnest(?::varchar[], ?::varchar[]) as x(c, m)
            on r.promotion_code = x.c and r.member_number = x.m""",
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "varchar", codes));
          ps.setArray(2, Jdbc.array(c, "varchar", members));
        },
        rs ->
            out.put(
                new MemberKey(
                    rs.getString("promotion_code"),
                    new MemberNumber(rs.getString("member_number"))),
                rs.getDate("registered_on").toLocalDate()));
    return out;
  }

  /**
   * Locks the running totals of {@code keys} until the transaction ends (creating missing ones at
   * zero) and returns them. Must run inside a transaction; see the class comment for why this
   * cannot deadlock.
   */
  @Override
  public Map<MemberKey, Long> lockTotals(SortedSet<MemberKey> keys) {
    Map<MemberKey, Long> totals = new HashMap<>();
    if (keys.isEmpty()) {
      return totals;
    }
    Object[] codes = keys.stream().map(MemberKey::promotionCode).toArray();
    Object[] members = keys.stream().map(k -> k.member().value()).toArray();
    jdbc.update(
        "create the running totals of " + keys.size() + " promotion member(s)",
        """
        insert into accrual.promotion_member_total (promotion_code, member_number, awarded)
        select c, m, 0 from unnest(?::varchar[], ?::varchar[]) as x(c, m)
         order by c, m
        on conflict (promotion_code, member_number) do nothing""",
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "varchar", codes));
          ps.setArray(2, Jdbc.array(c, "varchar", members));
        });
    totals.putAll(totals(keys, true));
    return totals;
  }

  @Override
  public Map<MemberKey, Long> totals(SortedSet<MemberKey> keys) {
    return keys.isEmpty() ? new HashMap<>() : totals(keys, false);
  }

  /**
   * The running totals of {@code keys} that exist, locked until the transaction ends if {@code
   * lock}.
   */
  private Map<MemberKey, Long> totals(SortedSet<MemberKey> keys, boolean lock) {
    Map<MemberKey, Long> totals = new HashMap<>();
    Object[] codes = keys.stream().map(MemberKey::promotionCode).toArray();
    Object[] members = keys.stream().map(k -> k.member().value()).toArray();
    jdbc.list(
        (lock ? "lock" : "read") + " the running totals of " + keys.size() + " promotion member(s)",
        """
        select t.promotion_code, t.member_number, t.awarded
          from accrual.promotion_member_total t
          join unnest(?::varchar[], ?::varchar[]) as x(c, m)
            on t.promotion_code = x.c and t.member_number = x.m
         order by t.promotion_code, t.member_number"""
            + (lock ? " for update of t" : ""),
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "varchar", codes));
          ps.setArray(2, Jdbc.array(c, "varchar", members));
        },
        rs -> {
          totals.put(
              new MemberKey(
                  rs.getString("promotion_code"), new MemberNumber(rs.getString("member_number"))),
              rs.getLong("awarded"));
          return null;
        });
    return totals;
  }

  /** The miles already awarded under each of {@code references} that has an award row. */
  @Override
  public Map<String, Long> awarded(List<String> references) {
    Map<String, Long> out = new HashMap<>();
    if (references.isEmpty()) {
      return out;
    }
    jdbc.list(
        "read earlier promotion awards",
        "select ledger_ref, miles from accrual.promotion_award where ledger_ref = any(?)",
        (c, ps) -> ps.setArray(1, Jdbc.array(c, "varchar", references.toArray())),
        rs -> out.put(rs.getString("ledger_ref"), rs.getLong("miles")));
    return out;
  }

  /**
   * Records bonuses the ledger accepted and adds them to the running totals; a reference recorded
   * before is skipped and adds nothing. Returns how many award rows were new.
   */
  @Override
  public long record(List<PromotionAward> awards) {
    if (awards.isEmpty()) {
      return 0;
    }
    List<PromotionAward> sorted = new ArrayList<>(awards);
    sorted.sort(
        Comparator.comparing(PromotionAward::promotionCode)
            .thenComparing(a -> a.member().value())
            .thenComparing(PromotionAward::ledgerReference));
    int n = sorted.size();
    Object[] refs = new Object[n];
    Object[] codes = new Object[n];
    Object[] members = new Object[n];
    Object[] miles = new Object[n];
    for (int i = 0; i < n; i++) {
      PromotionAward a = sorted.get(i);
      refs[i] = a.ledgerReference();
      codes[i] = a.promotionCode();
      members[i] = a.member().value();
      miles[i] = a.miles();
    }
    // one statement: the totals grow by the award rows this statement inserted, and only by them
    String sql =
        """
        with ins as (
          insert into accrual.promotion_award (ledger_ref, promotion_code, member_number, miles)
          select r, c, m, mi
            from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[]) as x(r, c, m, mi)
          on conflict (ledger_ref) do nothing
          returning promotion_code, member_number, miles),
        tot as (
          insert into accrual.promotion_member_total (promotion_code, member_number, awarded)
          select promotion_code, member_number, sum(miles) from ins
           group by promotion_code, member_number order by promotion_code, member_number
          on conflict (promotion_code, member_number)
          do update set awarded = accrual.promotion_member_total.awarded + excluded.awarded)
        select count(*) as inserted from ins""";
    return jdbc.first(
            "record " + n + " promotion award(s)",
            sql,
            (c, ps) -> {
              ps.setArray(1, Jdbc.array(c, "varchar", refs));
              ps.setArray(2, Jdbc.array(c, "varchar", codes));
              ps.setArray(3, Jdbc.array(c, "varchar", members));
              ps.setArray(4, Jdbc.array(c, "bigint", miles));
            },
            rs -> rs.getLong("inserted"))
        .orElse(0L);
  }
}
