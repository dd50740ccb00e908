package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;
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

  @Override
  public boolean add(Promotion v, long change) {
    jdbc.update(
        "create promotion code " + v.code(),
        "insert into accrual.promotion_code (code) values (?) on conflict (code) do nothing",
        (c, ps) -> ps.setString(1, v.code()));
    Promotion.Scope s = v.scope();
    Promotion.Bonus b = v.bonus();
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
              int i = 1;
              ps.setString(i++, v.code());
              ps.setString(i++, v.name());
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
