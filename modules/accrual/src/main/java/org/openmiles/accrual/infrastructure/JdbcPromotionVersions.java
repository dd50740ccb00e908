package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.domain.PartnerRuleVersions.Month;
import org.openmiles.accrual.domain.PartnerRuleVersions.Replay;
import org.openmiles.accrual.domain.Promotion;
import org.openmiles.accrual.domain.PromotionVersions;
import org.openmiles.common.jdbc.Jdbc;

/**
 * Promotion versions and registrations in the {@code accrual} schema (V19): {@code promotion_code}
 * (one row per code, what awards and totals name), {@code promotion} (one row per version) and
 * {@code promotion_registration}.
 */
@ApplicationScoped
public class JdbcPromotionVersions implements PromotionVersions {

  @Inject Jdbc jdbc;

  @Override
  public List<Written> versions(String code) {
    return jdbc.list(
        "read the versions of promotion " + code,
        "select * from ("
            + JdbcPromotionRepository.VERSIONS
            + ") v where code = ? order by version_from",
        (c, ps) -> ps.setString(1, code),
        rs -> new Written(JdbcPromotionRepository.promotion(rs), Jdbc.longOrNull(rs, "change_id")));
  }

  /**
   * Whether a target {@code t} is in promotion version {@code a}'s scope and window and, when it
   * asks for registration, its member registered on or before the day: {@link Promotion}'s rules in
   * SQL (a scope value set matches only an equal value; routes both ways when bothDirections).
   */
  private static String matches(String a) {
    return """
        ((A.applies_to = 'ANY' or A.applies_to = t.kind)
         and (A.partner_code is null or coalesce(A.partner_code = t.partner_code, false))
         and (A.carrier_code is null or coalesce(A.carrier_code = t.carrier, false))
         and (A.region is null or coalesce(A.region = t.region, false))
         and (A.booking_classes is null or coalesce(strpos(A.booking_classes, t.booking_class) > 0, false))
         and ((A.origin_airport is null and A.destination_airport is null)
           or ((A.origin_airport is null or coalesce(A.origin_airport = t.origin, false))
               and (A.destination_airport is null or coalesce(A.destination_airport = t.destination, false)))
           or (A.both_directions
               and (A.origin_airport is null or coalesce(A.origin_airport = t.destination, false))
               and (A.destination_airport is null or coalesce(A.destination_airport = t.origin, false))))
         and t.day >= A.effective_from and (A.effective_to is null or t.day < A.effective_to)
         and (not A.registration_required or exists (
               select 1 from accrual.promotion_registration g
                where g.promotion_code = p.code and g.member_number = t.member_number
                  and g.registered_on <= t.day)))"""
        .replace("A.", a + ".");
  }

  /** The bonus of version {@code a} on the target's base miles, before any cap. */
  private static String bonus(String a) {
    return "(case A.kind when 'MULTIPLIER' then round(t.base * (A.multiplier - 1))::bigint else A.bonus_miles end)"
        .replace("A.", a + ".");
  }

  @Override
  public Replayed replay(Promotion proposal, LocalDate from, LocalDate to) {
    // the bonus reference as LedgerReferences.promotionBonus builds it (hashed when too long)
    String award =
        """
        case when length(t.ref || ':PR:' || p.code) <= 120 then t.ref || ':PR:' || p.code
             else 'PR:' || p.code || ':' || encode(sha256(convert_to(t.ref, 'UTF8')), 'hex') end""";
    String sql =
        """
        with p as (
          select ?::varchar as code, ?::varchar as kind, ?::numeric as multiplier,
                 ?::bigint as bonus_miles, ?::varchar as applies_to, ?::varchar as partner_code,
                 ?::varchar as carrier_code, ?::varchar as origin_airport,
                 ?::varchar as destination_airport, ?::boolean as both_directions,
                 ?::varchar as booking_classes, ?::varchar as region, ?::date as effective_from,
                 ?::date as effective_to, ?::bigint as max_bonus_per_member,
                 ?::boolean as registration_required),
        v as (
          select pr.*, lead(pr.version_from) over (order by pr.version_from) as version_until
            from accrual.promotion pr where pr.code = (select code from p)),
        t as (
          select 'PARTNER'::varchar as kind, a.member_number, a.activity_date as day,
                 a.partner_code::varchar as partner_code, null::varchar as carrier,
                 null::varchar as origin, null::varchar as destination,
                 null::varchar as booking_class, null::varchar as region, a.miles as base,
                 coalesce(a.ledger_ref, 'P:' || a.partner_code || ':' || a.partner_tx_id) as ref,
                 a.partner_code::varchar as source
            from accrual.partner_activity a
           where a.status = 'CREDITED' and a.miles > 0 and a.activity_date between ? and ?
          union all
          select 'FLIGHT', c.member_number, c.flight_date, null, c.marketing_carrier::varchar,
                 c.origin::varchar, c.destination::varchar, c.booking_class::varchar,
                 case when o.country = d.country then 'DOMESTIC' else 'INTERNATIONAL' end,
                 c.base_miles, 'F:' || c.ticket_number || ':' || c.coupon_no,
                 c.marketing_carrier || ' ' || c.booking_class
            from accrual.flown_coupon c
            left join accrual.airport o on o.iata = c.origin
            left join accrual.airport d on d.iata = c.destination
           where c.state = 'CREDITED' and c.base_miles > 0 and c.flight_date between ? and ?),
        r as (
          select t.member_number, t.day, t.ref, t.source, coalesce(aw.miles, 0) as before,
                 case when MATCH_P then BONUS_P else 0 end as after_raw,
                 case when v.code is not null and MATCH_V then BONUS_V else 0 end as current_raw,
                 v.max_bonus_per_member as current_cap, p.max_bonus_per_member as cap
            from t cross join p
            left join v on v.version_from <= t.day
                       and (v.version_until is null or v.version_until > t.day)
            left join accrual.promotion_award aw on aw.ledger_ref = AWARD),
        c as (
          select r.*,
                 case when cap is null then after_raw
                      else greatest(0, least(after_raw, cap - coalesce(sum(after_raw) over (
                             partition by member_number order by day, ref
                             rows between unbounded preceding and 1 preceding), 0))) end as after
            from r where before > 0 or after_raw > 0 or current_raw > 0),
        m as (select member_number, sum(before) as b, sum(after) as a from c group by member_number)
        select 'total' as dim, null as value, count(*) as records,
               count(*) filter (where current_raw = before
                                   or (current_cap is not null and before < current_raw)) as replayed,
               (select count(*) from m) as members, (select count(*) from m where a <> b) as affected,
               coalesce(sum(before), 0) as before, coalesce(sum(after), 0) as after
          from c
        union all
        select 'month', to_char(day, 'YYYY-MM'), count(*), 0, 0, 0, sum(before), sum(after)
          from c group by 2
        union all
        select 'source', source, count(*), 0, 0, 0, sum(before), sum(after) from c group by 2
        order by 1, 2"""
            .replace("MATCH_P", matches("p"))
            .replace("MATCH_V", matches("v"))
            .replace("BONUS_P", bonus("p"))
            .replace("BONUS_V", bonus("v"))
            .replace("AWARD", award);
    List<Object[]> rows =
        jdbc.list(
            "replay promotion " + proposal.code() + " from " + from + " to " + to,
            sql,
            (c, ps) -> {
              ps.setString(1, proposal.code());
              int i = terms(ps, 2, proposal);
              ps.setBoolean(i++, proposal.registrationRequired());
              for (int k = 0; k < 2; k++) {
                ps.setDate(i++, Date.valueOf(from));
                ps.setDate(i++, Date.valueOf(to));
              }
            },
            rs ->
                new Object[] {
                  rs.getString("dim"),
                  rs.getString("value"),
                  new long[] {
                    rs.getLong("records"),
                    rs.getLong("replayed"),
                    rs.getLong("members"),
                    rs.getLong("affected"),
                    rs.getLong("before"),
                    rs.getLong("after")
                  }
                });
    List<Month> months = new ArrayList<>();
    List<Month> sources = new ArrayList<>();
    long[] total = new long[6];
    for (Object[] row : rows) {
      long[] n = (long[]) row[2];
      switch ((String) row[0]) {
        case "total" -> total = n;
        case "month" -> months.add(new Month((String) row[1], n[0], n[4], n[5]));
        default -> sources.add(new Month((String) row[1], n[0], n[4], n[5]));
      }
    }
    return new Replayed(
        new Replay(total[0], total[1], total[2], total[3], total[4], total[5], months), sources);
  }

  /**
   * Binds a version's terms from parameter {@code i}: kind, multiplier, bonus miles, applies to,
   * partner, carrier, origin, destination, both directions, classes, region, window, cap.
   *
   * @return the next parameter's index
   */
  private static int terms(java.sql.PreparedStatement ps, int first, Promotion v)
      throws SQLException {
    Promotion.Scope s = v.scope();
    Promotion.Bonus b = v.bonus();
    int i = first;
    ps.setString(i++, b.kind().name());
    ps.setBigDecimal(i++, b.multiplier());
    ps.setObject(i++, b.miles());
    ps.setString(i++, s.appliesTo().name());
    ps.setString(i++, s.partnerCode());
    ps.setString(i++, s.carrierCode());
    ps.setString(i++, s.originAirport());
    ps.setString(i++, s.destinationAirport());
    ps.setBoolean(i++, s.bothDirections());
    ps.setString(i++, s.bookingClasses());
    ps.setString(i++, s.region());
    ps.setDate(i++, Date.valueOf(v.effectiveFrom()));
    ps.setDate(i++, v.effectiveTo() == null ? null : Date.valueOf(v.effectiveTo()));
    ps.setObject(i++, v.maxBonusPerMember());
    return i;
  }

  @Override
  public boolean add(Promotion v, long change) {
    jdbc.update(
        "create promotion code " + v.code(),
        "insert into accrual.promotion_code (code) values (?) on conflict (code) do nothing",
        (c, ps) -> ps.setString(1, v.code()));
    return jdbc.update(
            "add a version of promotion " + v.code() + " from " + v.version().from(),
            """
            insert into accrual.promotion (code, name, kind, multiplier, bonus_miles, applies_to,
                   partner_code, carrier_code, origin_airport, destination_airport, both_directions,
                   booking_classes, region, effective_from, effective_to, max_bonus_per_member,
                   version_from, registration_required, change_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (code, version_from) do nothing""",
            (c, ps) -> {
              ps.setString(1, v.code());
              ps.setString(2, v.name());
              int i = terms(ps, 3, v);
              ps.setDate(i++, Date.valueOf(v.version().from()));
              ps.setBoolean(i++, v.registrationRequired());
              ps.setLong(i, change);
            })
        == 1;
  }

  @Override
  public Registration register(String code, MemberNumber member, LocalDate on, String by) {
    jdbc.update(
        "register " + member.value() + " for promotion " + code,
        """
        insert into accrual.promotion_registration
               (promotion_code, member_number, registered_on, registered_by)
        values (?, ?, ?, ?) on conflict (promotion_code, member_number) do nothing""",
        (c, ps) -> {
          ps.setString(1, code);
          ps.setString(2, member.value());
          ps.setDate(3, Date.valueOf(on));
          ps.setString(4, by);
        });
    return registration(code, member).orElseThrow();
  }

  @Override
  public Optional<Registration> registration(String code, MemberNumber member) {
    return jdbc.first(
        "read the registration of " + member.value() + " for promotion " + code,
        """
        select promotion_code, member_number, registered_on, registered_by
          from accrual.promotion_registration where promotion_code = ? and member_number = ?""",
        (c, ps) -> {
          ps.setString(1, code);
          ps.setString(2, member.value());
        },
        JdbcPromotionVersions::registration);
  }

  @Override
  public List<Registration> registrations(MemberNumber member) {
    return jdbc.list(
        "read the promotion registrations of " + member.value(),
        """
        select promotion_code, member_number, registered_on, registered_by
          from accrual.promotion_registration where member_number = ?
         order by registered_at desc, promotion_code""",
        (c, ps) -> ps.setString(1, member.value()),
        JdbcPromotionVersions::registration);
  }

  private static Registration registration(ResultSet rs) throws SQLException {
    return new Registration(
        rs.getString("promotion_code"),
        new MemberNumber(rs.getString("member_number")),
        rs.getDate("registered_on").toLocalDate(),
        rs.getString("registered_by"));
  }
}
