package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
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
   * The window's records rated twice, summed per member (a parallel partial aggregate, as the plain
   * {@code group by member_number} over the same rows is), then in all and per month (the month
   * columns: {@code %3$s} per member, {@code %4$s} in all). {@code %1$s} and {@code %2$s}: the
   * miles before and after, over {@code a}: the record ({@code whole}: its quantity's whole units)
   * and the version that rated it, which it names ({@code earn_rule_from}, V18): {@code vm} miles,
   * {@code vq} per quantity, {@code vstep} the same when it is whole (else null), {@code vmax} cap.
   */
  private static final String REPLAY =
      """
      with src as (
        select a.member_number, a.activity_date, a.miles as credited, a.quantity, a.currency,
               floor(a.quantity)::bigint as whole, v.miles as vm, v.per_quantity as vq,
               v.step as vstep, v.max_miles_per_record as vmax
          from accrual.partner_activity a
          left join (select partner_code, basis, effective_from, miles, per_quantity,
                            max_miles_per_record,
                            case when per_quantity = trunc(per_quantity)
                                 then per_quantity::bigint end as step
                       from accrual.partner_earn_rule) v
                 on v.partner_code = a.partner_code and v.basis = a.basis
                and v.effective_from = a.earn_rule_from
         where a.partner_code = ? and a.basis = any(?)
           and a.status in ('CREDITED', 'REVERSED')
           and a.activity_date between ? and ?),
      rated as (
        select member_number, activity_date, credited, %1$s as before, %2$s as after from src a)
      select count(*) as members, count(*) filter (where a <> b) as affected,
             coalesce(sum(n), 0) as n, coalesce(sum(same), 0) as same, coalesce(sum(b), 0) as b,
             coalesce(sum(a), 0) as a%4$s
        from (select member_number, count(*) as n,
                     count(*) filter (where before = credited) as same, sum(before) as b,
                     sum(after) as a%3$s
                from rated group by member_number) per_member""";

  /**
   * The miles of a record under the version that rated it (0 if there is none), in {@code bigint}
   * arithmetic: the whole units of a step that is whole are the record's whole units divided by it
   * ({@code floor(q / n) = floor(floor(q) / n)} for a whole {@code n}), else a numeric division.
   * Written out for a missing version: {@code least} ignores nulls.
   */
  private static final String IN_FORCE =
      "case when a.vm is null then 0 else least(coalesce(a.whole / a.vstep,"
          + " div(a.quantity, a.vq)::bigint) * a.vm,"
          + " coalesce(a.vmax, 9223372036854775807)) end";

  @Override
  public Replay replayEarnRule(
      String partnerCode, EarnBasis basis, PartnerEarnRule proposed, LocalDate from, LocalDate to) {
    // the proposed version as bound parameters: currency (twice), per quantity, miles, cap; a
    // whole step divides the whole units in bigint arithmetic (see IN_FORCE)
    boolean wholeStep = proposed.perQuantity().stripTrailingZeros().scale() <= 0;
    String units = wholeStep ? "(a.whole / ?::bigint)" : "div(a.quantity, ?::numeric)::bigint";
    String after =
        "case when ?::text is not null and a.currency is distinct from ?::text then 0"
            + " else least("
            + units
            + " * ?::bigint, coalesce(?::bigint, 9223372036854775807)) end";
    return replay(
        "replay the earn rule of " + partnerCode,
        after,
        from,
        to,
        (c, ps) -> {
          // the window's filter comes first in the statement, then the proposed version
          window(c, ps, 1, partnerCode, new String[] {basis.name()}, from, to);
          ps.setString(5, proposed.currency());
          ps.setString(6, proposed.currency());
          if (wholeStep) {
            ps.setLong(7, proposed.perQuantity().longValueExact());
          } else {
            ps.setBigDecimal(7, proposed.perQuantity());
          }
          ps.setLong(8, proposed.miles());
          if (proposed.maxMilesPerRecord() == null) {
            ps.setNull(9, Types.BIGINT);
          } else {
            ps.setLong(9, proposed.maxMilesPerRecord());
          }
        });
  }

  @Override
  public Replay replayCredited(String partnerCode, LocalDate from, LocalDate to) {
    String[] every = Arrays.stream(EarnBasis.values()).map(Enum::name).toArray(String[]::new);
    return replay(
        "replay the credited records of " + partnerCode,
        "a.credited",
        from,
        to,
        (c, ps) -> window(c, ps, 1, partnerCode, every, from, to));
  }

  private static void window(
      java.sql.Connection c,
      java.sql.PreparedStatement ps,
      int first,
      String partnerCode,
      String[] bases,
      LocalDate from,
      LocalDate to)
      throws java.sql.SQLException {
    ps.setString(first, partnerCode);
    ps.setArray(first + 1, c.createArrayOf("varchar", bases));
    ps.setDate(first + 2, Date.valueOf(from));
    ps.setDate(first + 3, Date.valueOf(to));
  }

  /**
   * Runs the replay of {@code from}–{@code to} with {@code after} as the miles after; the months'
   * columns are written into the statement from the window (dates, not input).
   */
  private Replay replay(
      String what, String after, LocalDate from, LocalDate to, Jdbc.Binder binder) {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      months.add(m);
    }
    StringBuilder perMember = new StringBuilder();
    StringBuilder inAll = new StringBuilder();
    for (int i = 0; i < months.size(); i++) {
      YearMonth m = months.get(i);
      String in =
          "activity_date >= date '"
              + m.atDay(1)
              + "' and activity_date < date '"
              + m.plusMonths(1).atDay(1)
              + "'";
      perMember.append(
          ", count(*) filter (where %s) as n%d, sum(before) filter (where %s) as b%d,"
                  .formatted(in, i, in, i)
              + " sum(after) filter (where %s) as a%d".formatted(in, i));
      inAll.append(
          ", coalesce(sum(n%d), 0) as n%d, coalesce(sum(b%d), 0) as b%d, coalesce(sum(a%d), 0) as a%d"
              .formatted(i, i, i, i, i, i));
    }
    String sql = REPLAY.formatted(IN_FORCE, after, perMember, inAll);
    return jdbc.first(
            what,
            sql,
            binder,
            rs -> {
              List<Month> byMonth = new ArrayList<>();
              for (int i = 0; i < months.size(); i++) {
                byMonth.add(
                    new Month(
                        months.get(i).toString(),
                        rs.getLong("n" + i),
                        rs.getLong("b" + i),
                        rs.getLong("a" + i)));
              }
              return new Replay(
                  rs.getLong("n"),
                  rs.getLong("same"),
                  rs.getLong("members"),
                  rs.getLong("affected"),
                  rs.getLong("b"),
                  rs.getLong("a"),
                  byMonth);
            })
        .orElseThrow();
  }
}
