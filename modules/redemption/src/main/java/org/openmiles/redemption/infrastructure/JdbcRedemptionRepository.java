package org.openmiles.redemption.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmiles.accounts.api.BalanceView.ExpiringMiles;
import org.openmiles.accounts.api.ExpiringMilesPage;
import org.openmiles.accounts.api.ExpiryExtension;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.Money;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.redemption.api.AddBeneficiary;
import org.openmiles.redemption.api.AwardPrice;
import org.openmiles.redemption.api.AwardView;
import org.openmiles.redemption.api.BeneficiaryView;
import org.openmiles.redemption.api.Cabin;
import org.openmiles.redemption.api.ExtensionPackageView;
import org.openmiles.redemption.api.ExtensionView;
import org.openmiles.redemption.api.Journey;
import org.openmiles.redemption.api.PartnerAwardView;
import org.openmiles.redemption.domain.AwardChart;
import org.openmiles.redemption.domain.Awards;
import org.openmiles.redemption.domain.BeneficiaryLists;
import org.openmiles.redemption.domain.ExpiryNotices;
import org.openmiles.redemption.domain.ExtensionPurchases;
import org.openmiles.redemption.domain.NewAward;
import org.openmiles.redemption.domain.RedemptionProgram;
import org.openmiles.redemption.domain.RedemptionRule;
import org.openmiles.redemption.domain.StoredAward;

/**
 * The redemption schema: program rules in force on a date (award chart, redemption rule, catalogue,
 * extension packages), awards and the expiry dates of the miles they spent, beneficiaries,
 * extension purchases, expiry notices. Runs on the caller's transaction.
 */
@ApplicationScoped
public class JdbcRedemptionRepository
    implements RedemptionProgram, Awards, BeneficiaryLists, ExtensionPurchases, ExpiryNotices {

  /** Rows of {@code table} in force on the date bound to both {@code ?}. */
  private static final String IN_FORCE =
      """
      t.effective_from = (select max(x.effective_from) from redemption.%1$s x
                          where %2$s and x.effective_from <= ?)
      and (t.effective_to is null or ? < t.effective_to)""";

  private static final String AWARD_COLUMNS =
      """
      a.id, a.reference, a.member_number, a.kind, a.description, a.passenger_kind,
      a.passenger_name, a.base_miles, a.surcharge_miles, a.miles, a.status, a.issued_at,
      a.cancelled_at, a.cancel_fee_miles, a.redeposited_miles, a.request_hash""";

  @Inject Jdbc jdbc;

  // --- program data

  @Override
  public AwardChart chartOn(LocalDate day) {
    Date d = Date.valueOf(day);
    Map<String, String> zones = new HashMap<>();
    jdbc.list(
        "read award zones",
        """
        select country, zone_code from redemption.award_zone_country t where
        """
            + IN_FORCE.formatted("award_zone_country", "x.country = t.country"),
        (c, ps) -> onDay(ps, d, 1),
        rs -> zones.put(rs.getString("country"), rs.getString("zone_code")));
    var groups =
        jdbc.list(
            "read route groups",
            "select code, zone_a, zone_b from redemption.route_group",
            (c, ps) -> {},
            rs ->
                new AwardChart.RouteGroup(
                    rs.getString("code"), rs.getString("zone_a"), rs.getString("zone_b")));
    var rows =
        jdbc.list(
            "read the award chart",
            """
            select route_group_code, cabin, season, journey, miles from redemption.award_chart t
            where
            """
                + IN_FORCE.formatted(
                    "award_chart",
                    """
                    x.route_group_code = t.route_group_code and x.cabin = t.cabin
                    and x.season = t.season and x.journey = t.journey"""),
            (c, ps) -> onDay(ps, d, 1),
            rs ->
                new AwardChart.Row(
                    rs.getString("route_group_code"),
                    Cabin.valueOf(rs.getString("cabin")),
                    AwardChart.Season.valueOf(rs.getString("season")),
                    Journey.valueOf(rs.getString("journey")),
                    rs.getLong("miles")));
    var upgrades =
        jdbc.list(
            "read the upgrade award chart",
            """
            select route_group_code, from_cabin, to_cabin, season, miles
            from redemption.upgrade_award_chart t where
            """
                + IN_FORCE.formatted(
                    "upgrade_award_chart",
                    """
                    x.route_group_code = t.route_group_code and x.from_cabin = t.from_cabin
                    and x.to_cabin = t.to_cabin and x.season = t.season"""),
            (c, ps) -> onDay(ps, d, 1),
            rs ->
                new AwardChart.UpgradeRow(
                    rs.getString("route_group_code"),
                    Cabin.valueOf(rs.getString("from_cabin")),
                    Cabin.valueOf(rs.getString("to_cabin")),
                    AwardChart.Season.valueOf(rs.getString("season")),
                    rs.getLong("miles")));
    var peaks =
        jdbc.list(
            "read the peak calendar",
            // per scope (ALL or a route group) the ranges of the version in force on the date
            """
            select p.route_group_code, p.first_day, p.last_day from redemption.peak_period p
            where p.version_from = (select max(v.version_from) from redemption.peak_calendar v
                                    where v.scope = p.scope and v.version_from <= ?)""",
            (c, ps) -> ps.setDate(1, d),
            rs ->
                new AwardChart.PeakPeriod(
                    rs.getString("route_group_code"),
                    rs.getDate("first_day").toLocalDate(),
                    rs.getDate("last_day").toLocalDate()));
    var excluded =
        jdbc.list(
            "read classes that cannot be upgraded",
            """
            select carrier_code || booking_class class_code
            from redemption.upgrade_ineligible_class t where
            """
                + IN_FORCE.formatted(
                    "upgrade_ineligible_class",
                    "x.carrier_code = t.carrier_code and x.booking_class = t.booking_class"),
            (c, ps) -> onDay(ps, d, 1),
            rs -> rs.getString("class_code"));
    return new AwardChart(zones, groups, rows, upgrades, peaks, new HashSet<>(excluded));
  }

  /** The lowest tier that may redeem upgrade awards on {@code day}. */
  @Override
  public String upgradeMinTier(LocalDate day) {
    return jdbc.first(
            "read the upgrade award rule",
            """
            select min_tier_code from redemption.upgrade_award_rule t where
            """
                + IN_FORCE.formatted("upgrade_award_rule", "true"),
            (c, ps) -> onDay(ps, Date.valueOf(day), 1),
            rs -> rs.getString("min_tier_code"))
        .orElseThrow(() -> new IllegalStateException("no upgrade award rule on " + day));
  }

  @Override
  public RedemptionRule ruleOn(LocalDate day) {
    return jdbc.first(
            "read the redemption rule",
            """
            select cancel_fee_miles, cancel_fee_pct, redeposit_expiry, nominee_limit,
              non_nominee_allowed, non_nominee_surcharge_pct, family_child_max_age
            from redemption.redemption_rule t where
            """
                + IN_FORCE.formatted("redemption_rule", "true"),
            (c, ps) -> onDay(ps, Date.valueOf(day), 1),
            rs ->
                new RedemptionRule(
                    rs.getLong("cancel_fee_miles"),
                    rs.getBigDecimal("cancel_fee_pct"),
                    "ORIGINAL".equals(rs.getString("redeposit_expiry")),
                    rs.getInt("nominee_limit"),
                    rs.getBoolean("non_nominee_allowed"),
                    rs.getBigDecimal("non_nominee_surcharge_pct"),
                    rs.getInt("family_child_max_age")))
        .orElseThrow(() -> new IllegalStateException("no redemption rule on " + day));
  }

  @Override
  public List<PartnerAwardView> partnerAwards(LocalDate day) {
    return jdbc.list(
        "read the partner award catalogue",
        """
        select code, name, partner_code, miles from redemption.partner_award t where
        """
            + IN_FORCE.formatted("partner_award", "x.code = t.code")
            + " order by code",
        (c, ps) -> onDay(ps, Date.valueOf(day), 1),
        rs ->
            new PartnerAwardView(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("partner_code"),
                rs.getLong("miles")));
  }

  @Override
  public List<ExtensionPackageView> packages(LocalDate day) {
    return jdbc.list(
        "read the extension packages",
        """
        select code, miles, months, price, currency from redemption.extension_package t where
        """
            + IN_FORCE.formatted("extension_package", "x.code = t.code")
            + " order by miles, code",
        (c, ps) -> onDay(ps, Date.valueOf(day), 1),
        rs ->
            new ExtensionPackageView(
                rs.getString("code"),
                rs.getLong("miles"),
                rs.getInt("months"),
                money(rs.getBigDecimal("price"), rs.getString("currency"))));
  }

  // --- awards

  @Override
  public Optional<StoredAward> awardByClientReference(MemberNumber member, String clientReference) {
    return award(
        "a.member_number = ? and a.client_reference = ?",
        false,
        (ps) -> {
          ps.setString(1, member.value());
          ps.setString(2, clientReference);
        });
  }

  /** The award with this reference, row-locked for the transaction if {@code lock}. */
  @Override
  public Optional<StoredAward> award(String reference, boolean lock) {
    return award("a.reference = ?", lock, ps -> ps.setString(1, reference));
  }

  @Override
  public List<AwardView> awards(MemberNumber member, int limit) {
    return jdbc
        .list(
            "read a member's awards",
            """
            select %s from redemption.award a
            where a.member_number = ? order by a.id desc limit ?"""
                .formatted(AWARD_COLUMNS),
            (c, ps) -> {
              ps.setString(1, member.value());
              ps.setInt(2, limit);
            },
            this::stored)
        .stream()
        .map(StoredAward::view)
        .toList();
  }

  private interface Params {
    void set(PreparedStatement ps) throws SQLException;
  }

  private Optional<StoredAward> award(String where, boolean lock, Params params) {
    return jdbc.first(
            "read an award",
            "select %s from redemption.award a where %s%s"
                .formatted(AWARD_COLUMNS, where, lock ? " for update" : ""),
            (c, ps) -> params.set(ps),
            this::stored)
        .map(a -> new StoredAward(a.id(), a.requestHash(), withSpent(a.view(), spent(a.id()))));
  }

  private List<ExpiringMiles> spent(long awardId) {
    return jdbc.list(
        "read the miles an award spent",
        """
        select expires_on, miles from redemption.award_lot
        where award_id = ? order by expires_on""",
        (c, ps) -> ps.setLong(1, awardId),
        rs -> new ExpiringMiles(rs.getDate("expires_on").toLocalDate(), rs.getLong("miles")));
  }

  private static AwardView withSpent(AwardView v, List<ExpiringMiles> spent) {
    return new AwardView(
        v.reference(),
        v.member(),
        v.kind(),
        v.description(),
        v.passengerKind(),
        v.passengerName(),
        v.baseMiles(),
        v.surchargeMiles(),
        v.miles(),
        v.status(),
        v.issuedAt(),
        v.cancelledAt(),
        v.cancelFeeMiles(),
        v.redepositedMiles(),
        spent,
        false);
  }

  private StoredAward stored(ResultSet rs) throws SQLException {
    Timestamp cancelled = rs.getTimestamp("cancelled_at");
    return new StoredAward(
        rs.getLong("id"),
        rs.getString("request_hash"),
        new AwardView(
            rs.getString("reference"),
            new MemberNumber(rs.getString("member_number")),
            rs.getString("kind"),
            rs.getString("description"),
            rs.getString("passenger_kind"),
            rs.getString("passenger_name"),
            rs.getLong("base_miles"),
            rs.getLong("surcharge_miles"),
            rs.getLong("miles"),
            rs.getString("status"),
            rs.getTimestamp("issued_at").toInstant(),
            cancelled == null ? null : cancelled.toInstant(),
            rs.getObject("cancel_fee_miles", Long.class),
            rs.getObject("redeposited_miles", Long.class),
            List.of(),
            false));
  }

  /** Inserts an issued award and the expiry dates of the miles it spent; returns its reference. */
  @Override
  public String insertAward(NewAward a, List<ExpiringMiles> spent) {
    long[] id = new long[1];
    String reference =
        jdbc.first(
                "issue an award",
                """
                insert into redemption.award (reference, member_number, client_reference, kind,
                  description, passenger_kind, passenger_name, beneficiary_id, base_miles,
                  surcharge_miles, miles, request_hash, status, issued_at)
                values ('AW' || nextval('redemption.award_reference_seq'),
                  ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ISSUED', ?)
                returning id, reference""",
                (c, ps) -> {
                  ps.setString(1, a.member().value());
                  ps.setString(2, a.clientReference());
                  ps.setString(3, a.kind());
                  ps.setString(4, a.description());
                  ps.setString(5, a.passenger().kind());
                  ps.setString(6, a.passenger().name());
                  ps.setObject(7, a.passenger().beneficiaryId());
                  ps.setLong(8, a.baseMiles());
                  ps.setLong(9, a.surchargeMiles());
                  ps.setLong(10, a.baseMiles() + a.surchargeMiles());
                  ps.setString(11, a.requestHash());
                  ps.setTimestamp(12, Timestamp.from(a.issuedAt()));
                },
                rs -> {
                  id[0] = rs.getLong("id");
                  return rs.getString("reference");
                })
            .orElseThrow();
    if (a.flight() != null) {
      priced(id[0], a.flight());
    }
    for (ExpiringMiles lot : spent) {
      jdbc.update(
          "record the miles an award spent",
          "insert into redemption.award_lot (award_id, expires_on, miles) values (?, ?, ?)",
          (c, ps) -> {
            ps.setLong(1, id[0]);
            ps.setDate(2, Date.valueOf(lot.expiresOn()));
            ps.setLong(3, lot.miles());
          });
    }
    return reference;
  }

  /**
   * What a flight award was priced at (V3): route group, cabin, journey, passengers, outbound date,
   * and per passenger each part by the chart cell it used — a round trip in one part used a
   * ROUND_TRIP cell, one in two parts two ONE_WAY cells.
   */
  private void priced(long awardId, AwardPrice price) {
    List<AwardPrice.Part> parts = price.parts();
    jdbc.update(
        "record what a flight award was priced at",
        """
        update redemption.award set route_group_code = ?, cabin = ?, journey = ?, passengers = ?,
          outbound = ? where id = ?""",
        (c, ps) -> {
          ps.setString(1, price.routeGroup());
          ps.setString(2, price.cabin().name());
          ps.setString(3, price.journey().name());
          ps.setInt(4, price.passengers());
          ps.setDate(5, Date.valueOf(parts.get(0).date()));
          ps.setLong(6, awardId);
        });
    Journey cell =
        price.journey() == Journey.ROUND_TRIP && parts.size() == 1
            ? Journey.ROUND_TRIP
            : Journey.ONE_WAY;
    for (int i = 0; i < parts.size(); i++) {
      AwardPrice.Part part = parts.get(i);
      int no = i + 1;
      jdbc.update(
          "record a priced part of a flight award",
          """
          insert into redemption.award_part (award_id, part_no, journey, season, travel_date, miles)
          values (?, ?, ?, ?, ?, ?)""",
          (c, ps) -> {
            ps.setLong(1, awardId);
            ps.setInt(2, no);
            ps.setString(3, cell.name());
            ps.setString(4, part.season());
            ps.setDate(5, Date.valueOf(part.date()));
            ps.setLong(6, part.miles());
          });
    }
  }

  @Override
  public void markCancelled(long awardId, long fee, long redeposited, Instant at) {
    jdbc.update(
        "cancel an award",
        """
        update redemption.award
        set status = 'CANCELLED', cancelled_at = ?, cancel_fee_miles = ?, redeposited_miles = ?
        where id = ? and status = 'ISSUED'""",
        (c, ps) -> {
          ps.setTimestamp(1, Timestamp.from(at));
          ps.setLong(2, fee);
          ps.setLong(3, redeposited);
          ps.setLong(4, awardId);
        });
  }

  // --- beneficiaries

  @Override
  public List<BeneficiaryView> beneficiaries(MemberNumber member) {
    return jdbc.list(
        "read a member's beneficiaries",
        """
        select id, kind, first_name, last_name, birth_date from redemption.beneficiary
        where member_number = ? and removed_at is null order by id""",
        (c, ps) -> ps.setString(1, member.value()),
        JdbcRedemptionRepository::beneficiary);
  }

  @Override
  public Optional<BeneficiaryView> beneficiary(MemberNumber member, long id) {
    return jdbc.first(
        "read a beneficiary",
        """
        select id, kind, first_name, last_name, birth_date from redemption.beneficiary
        where member_number = ? and id = ? and removed_at is null""",
        (c, ps) -> {
          ps.setString(1, member.value());
          ps.setLong(2, id);
        },
        JdbcRedemptionRepository::beneficiary);
  }

  /**
   * Adds a beneficiary unless the member has {@code limit} of that kind already (counted under a
   * transaction-scoped advisory lock per member, so two concurrent adds cannot both pass); an
   * identical one already listed is returned as it is.
   */
  @Override
  public Optional<BeneficiaryView> addBeneficiary(
      MemberNumber member, AddBeneficiary b, int limit) {
    jdbc.list(
        "lock a member's beneficiary list",
        "select pg_advisory_xact_lock(hashtext('redemption.beneficiary:' || ?))",
        (c, ps) -> ps.setString(1, member.value()),
        rs -> 0);
    var same =
        beneficiaries(member).stream()
            .filter(
                x ->
                    x.kind().equals(b.kind().name())
                        && x.firstName().equalsIgnoreCase(b.firstName())
                        && x.lastName().equalsIgnoreCase(b.lastName())
                        && x.birthDate().equals(b.birthDate()))
            .findFirst();
    if (same.isPresent()) {
      return same;
    }
    long count =
        beneficiaries(member).stream().filter(x -> x.kind().equals(b.kind().name())).count();
    if (count >= limit) {
      return Optional.empty();
    }
    return jdbc.first(
        "add a beneficiary",
        """
        insert into redemption.beneficiary (member_number, kind, first_name, last_name, birth_date)
        values (?, ?, ?, ?, ?)
        returning id, kind, first_name, last_name, birth_date""",
        (c, ps) -> {
          ps.setString(1, member.value());
          ps.setString(2, b.kind().name());
          ps.setString(3, b.firstName());
          ps.setString(4, b.lastName());
          ps.setDate(5, Date.valueOf(b.birthDate()));
        },
        JdbcRedemptionRepository::beneficiary);
  }

  @Override
  public boolean removeBeneficiary(MemberNumber member, long id) {
    return jdbc.update(
            "remove a beneficiary",
            """
            update redemption.beneficiary set removed_at = now()
            where member_number = ? and id = ? and removed_at is null""",
            (c, ps) -> {
              ps.setString(1, member.value());
              ps.setLong(2, id);
            })
        > 0;
  }

  private static BeneficiaryView beneficiary(ResultSet rs) throws SQLException {
    return new BeneficiaryView(
        rs.getLong("id"),
        rs.getString("kind"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getDate("birth_date").toLocalDate());
  }

  // --- extensions and notices

  @Override
  public Optional<ExtensionView> extension(MemberNumber member, String clientReference) {
    return jdbc.first(
        "read an extension purchase",
        """
        select package_code, price, currency, payment_reference, miles_extended, months, bought_at
        from redemption.expiry_extension where member_number = ? and client_reference = ?""",
        (c, ps) -> {
          ps.setString(1, member.value());
          ps.setString(2, clientReference);
        },
        rs ->
            new ExtensionView(
                member,
                rs.getString("package_code"),
                money(rs.getBigDecimal("price"), rs.getString("currency")),
                rs.getString("payment_reference"),
                rs.getLong("miles_extended"),
                rs.getInt("months"),
                List.<ExpiryExtension.Move>of(),
                rs.getTimestamp("bought_at").toInstant(),
                true));
  }

  @Override
  public void insertExtension(String clientReference, ExtensionView v) {
    jdbc.update(
        "record an extension purchase",
        """
        insert into redemption.expiry_extension (member_number, client_reference, package_code,
          miles_extended, months, price, currency, payment_reference, bought_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (c, ps) -> {
          ps.setString(1, v.member().value());
          ps.setString(2, clientReference);
          ps.setString(3, v.packageCode());
          ps.setLong(4, v.milesExtended());
          ps.setInt(5, v.months());
          ps.setBigDecimal(6, v.price().amount());
          ps.setString(7, v.price().currency().getCurrencyCode());
          ps.setString(8, v.paymentReference());
          ps.setTimestamp(9, Timestamp.from(v.boughtAt()));
        });
  }

  /** Records notices not given before; returns the members newly noticed. */
  @Override
  public List<MemberNumber> recordNotices(
      int windowDays, LocalDate asOf, List<ExpiringMilesPage.Member> members) {
    Object[][] cols =
        Jdbc.columns(
            members,
            3,
            m -> new Object[] {m.member().value(), m.firstExpiry().toString(), m.miles()});
    return jdbc.list(
        "record expiry notices",
        """
        insert into redemption.expiry_notice
          (member_number, window_days, first_expiry, miles, noticed_on)
        select m, ?, x, q, ? from unnest(%s) as t(m, x, q)
        on conflict do nothing
        returning member_number"""
            .formatted(Jdbc.unnestParameters("text", "date", "bigint")),
        (c, ps) -> {
          ps.setInt(1, windowDays);
          ps.setDate(2, Date.valueOf(asOf));
          ps.setArray(3, c.createArrayOf("text", cols[0]));
          ps.setArray(4, c.createArrayOf("date", cols[1]));
          ps.setArray(5, c.createArrayOf("bigint", cols[2]));
        },
        rs -> new MemberNumber(rs.getString("member_number")));
  }

  private static Money money(java.math.BigDecimal amount, String currency) {
    Currency cur = Currency.getInstance(currency);
    return new Money(
        amount.setScale(
            Math.max(cur.getDefaultFractionDigits(), 0), java.math.RoundingMode.UNNECESSARY),
        cur);
  }

  private static void onDay(PreparedStatement ps, Date d, int first) throws SQLException {
    ps.setDate(first, d);
    ps.setDate(first + 1, d);
  }
}
