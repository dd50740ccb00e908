package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openmiles.accrual.api.EarnBasis;
import org.openmiles.accrual.domain.PartnerEarnRule;
import org.openmiles.accrual.domain.PartnerRuleVersions;
import org.openmiles.common.jdbc.Jdbc;

/**
 * Versions of partner earn rules and mile prices in {@code accrual.partner_earn_rule} and {@code
 * accrual.partner_mile_price}, by JDBC.
 */
@ApplicationScoped
public class JdbcPartnerRuleVersions implements PartnerRuleVersions {
  @Inject Jdbc jdbc;

  @Override
  public Optional<String> partnerKind(String partnerCode) {
    return jdbc.first(
        "read partner " + partnerCode,
        "select kind from accrual.partner where code = ?",
        (c, ps) -> ps.setString(1, partnerCode),
        rs -> rs.getString(1));
  }

  @Override
  public List<Written> versions(String partnerCode, EarnBasis basis) {
    return jdbc.list(
        "read the earn rule versions of " + partnerCode,
        """
        select miles, per_quantity, currency, max_miles_per_record, effective_from, effective_to,
               change_id
          from accrual.partner_earn_rule where partner_code = ? and basis = ?
         order by effective_from""",
        (c, ps) -> {
          ps.setString(1, partnerCode);
          ps.setString(2, basis.name());
        },
        rs -> {
          return new Written(
              new PartnerEarnRule(
                  basis,
                  rs.getLong("miles"),
                  rs.getBigDecimal("per_quantity"),
                  rs.getString("currency"),
                  Jdbc.longOrNull(rs, "max_miles_per_record"),
                  rs.getDate("effective_from").toLocalDate(),
                  Jdbc.dateOrNull(rs, "effective_to")),
              Jdbc.longOrNull(rs, "change_id"));
        });
  }

  @Override
  public boolean add(String partnerCode, PartnerEarnRule rule, long change) {
    return jdbc.update(
            "add a version of the earn rule of " + partnerCode,
            """
            insert into accrual.partner_earn_rule (partner_code, basis, effective_from, miles,
                   per_quantity, currency, max_miles_per_record, change_id)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (partner_code, basis, effective_from) do nothing""",
            (c, ps) -> {
              ps.setString(1, partnerCode);
              ps.setString(2, rule.basis().name());
              ps.setDate(3, Date.valueOf(rule.effectiveFrom()));
              ps.setInt(4, Math.toIntExact(rule.miles()));
              ps.setBigDecimal(5, rule.perQuantity());
              ps.setString(6, rule.currency());
              if (rule.maxMilesPerRecord() == null) {
                ps.setNull(7, Types.INTEGER);
              } else {
                ps.setInt(7, Math.toIntExact(rule.maxMilesPerRecord()));
              }
              ps.setLong(8, change);
            })
        == 1;
  }

  @Override
  public List<WrittenPrice> prices(String partnerCode) {
    return jdbc.list(
        "read the mile prices of " + partnerCode,
        """
        select price_per_mile, currency, effective_from, effective_to, change_id
          from accrual.partner_mile_price where partner_code = ? order by effective_from""",
        (c, ps) -> ps.setString(1, partnerCode),
        rs ->
            new WrittenPrice(
                new MilePrice(
                    rs.getBigDecimal("price_per_mile"),
                    rs.getString("currency"),
                    rs.getDate("effective_from").toLocalDate(),
                    Jdbc.dateOrNull(rs, "effective_to")),
                Jdbc.longOrNull(rs, "change_id")));
  }

  @Override
  public boolean addPrice(String partnerCode, MilePrice price, long change) {
    return jdbc.update(
            "add a mile price of " + partnerCode,
            """
            insert into accrual.partner_mile_price (partner_code, effective_from, price_per_mile,
                   currency, change_id)
            values (?, ?, ?, ?, ?)
            on conflict (partner_code, effective_from) do nothing""",
            (c, ps) -> {
              ps.setString(1, partnerCode);
              ps.setDate(2, Date.valueOf(price.from()));
              ps.setBigDecimal(3, price.perMile());
              ps.setString(4, price.currency());
              ps.setLong(5, change);
            })
        == 1;
  }

  /**
   * Per member and month, then per month and in all (the last row, month null). {@code %s}: the
   * expressions of the miles before and after, over {@code a}: the record and the version that
   * rated it ({@code vm} miles, {@code vq} per quantity, {@code vmax} cap): the one it names, else,
   * for records rated before they named one, the version in force on its date.
   */
  private static final String REPLAY =
      """
      with src as (
        select a.member_number, date_trunc('month', a.activity_date) as month, a.miles as credited,
               a.quantity, a.currency, coalesce(v1.miles, v2.miles) as vm,
               coalesce(v1.per_quantity, v2.per_quantity) as vq,
               coalesce(v1.max_miles_per_record, v2.max_miles_per_record) as vmax
          from accrual.partner_activity a
          -- the version the record names (a hash join on a small table)
          left join accrual.partner_earn_rule v1
                 on v1.partner_code = a.partner_code and v1.basis = a.basis
                and v1.effective_from = a.earn_rule_from
          -- a record that names none (rated before V18): the version in force on its date; the
          -- first condition gates the look-up, so named records cost nothing here
          left join lateral (
                select r.miles, r.per_quantity, r.max_miles_per_record
                  from accrual.partner_earn_rule r
                 where a.earn_rule_from is null
                   and r.partner_code = a.partner_code and r.basis = a.basis
                   and r.effective_from <= a.activity_date
                   and (r.effective_to is null or a.activity_date < r.effective_to)
                 order by r.effective_from desc limit 1) v2 on true
         where a.partner_code = ? and a.basis = any(?)
           and a.status in ('CREDITED', 'REVERSED')
           and a.activity_date between ? and ?),
      rated as (
        select a.member_number, a.month, a.credited, %s as before, %s as after from src a),
      mm as (
        select member_number, month, count(*) as n, count(*) filter (where before = credited) as same,
               sum(before) as b, sum(after) as a
          from rated group by member_number, month)
      select to_char(month, 'YYYY-MM') as month, sum(n) as n, sum(same) as same,
             count(distinct member_number) as members, coalesce(sum(b), 0) as b,
             coalesce(sum(a), 0) as a, 0 as affected
        from mm group by month
      union all
      select null, coalesce(sum(n), 0), coalesce(sum(same), 0), count(*), coalesce(sum(b), 0),
             coalesce(sum(a), 0), count(*) filter (where a <> b)
        from (select member_number, sum(n) as n, sum(same) as same, sum(b) as b, sum(a) as a
                from mm group by member_number) per_member
      order by 1 nulls last""";

  /** The miles of a record under the version {@code v} in force on its date (0 if none). */
  private static final String IN_FORCE =
      "coalesce(least(div(a.quantity, a.vq) * a.vm, coalesce(a.vmax, div(a.quantity, a.vq) * a.vm)),"
          + " 0)";

  @Override
  public Replay replayEarnRule(
      String partnerCode, EarnBasis basis, PartnerEarnRule proposed, LocalDate from, LocalDate to) {
    // the proposed version as bound parameters: currency (twice), per quantity, miles, cap, again
    String after =
        "case when ?::text is not null and a.currency is distinct from ?::text then 0"
            + " else least(div(a.quantity, ?::numeric) * ?::bigint,"
            + " coalesce(?::bigint, div(a.quantity, ?::numeric) * ?::bigint)) end";
    return replay(
        "replay the earn rule of " + partnerCode,
        REPLAY.formatted(IN_FORCE, after),
        (c, ps) -> {
          // the window's filter comes first in the statement, then the proposed version
          ps.setString(1, partnerCode);
          ps.setArray(2, c.createArrayOf("varchar", new String[] {basis.name()}));
          ps.setDate(3, Date.valueOf(from));
          ps.setDate(4, Date.valueOf(to));
          ps.setString(5, proposed.currency());
          ps.setString(6, proposed.currency());
          ps.setBigDecimal(7, proposed.perQuantity());
          ps.setLong(8, proposed.miles());
          if (proposed.maxMilesPerRecord() == null) {
            ps.setNull(9, Types.BIGINT);
          } else {
            ps.setLong(9, proposed.maxMilesPerRecord());
          }
          ps.setBigDecimal(10, proposed.perQuantity());
          ps.setLong(11, proposed.miles());
        });
  }

  @Override
  public Replay replayCredited(String partnerCode, LocalDate from, LocalDate to) {
    return replay(
        "replay the credited records of " + partnerCode,
        REPLAY.formatted(IN_FORCE, "a.credited"),
        (c, ps) -> {
          ps.setString(1, partnerCode);
          ps.setArray(
              2,
              c.createArrayOf(
                  "varchar",
                  java.util.Arrays.stream(EarnBasis.values()).map(Enum::name).toArray()));
          ps.setDate(3, Date.valueOf(from));
          ps.setDate(4, Date.valueOf(to));
        });
  }

  private Replay replay(String what, String sql, Jdbc.Binder binder) {
    List<Month> months = new java.util.ArrayList<>();
    Replay[] total = new Replay[1];
    jdbc.list(
        what,
        sql,
        binder,
        rs -> {
          String month = rs.getString("month");
          if (month == null) {
            total[0] =
                new Replay(
                    rs.getLong("n"),
                    rs.getLong("same"),
                    rs.getLong("members"),
                    rs.getLong("affected"),
                    rs.getLong("b"),
                    rs.getLong("a"),
                    months);
          } else {
            months.add(new Month(month, rs.getLong("n"), rs.getLong("b"), rs.getLong("a")));
          }
          return null;
        });
    return total[0];
  }
}
