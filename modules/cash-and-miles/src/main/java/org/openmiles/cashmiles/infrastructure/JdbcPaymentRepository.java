package org.openmiles.cashmiles.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.api.PaymentStatus;
import org.openmiles.cashmiles.api.RefundReason;
import org.openmiles.cashmiles.domain.CashMilesRule;
import org.openmiles.cashmiles.domain.PaidBooking;
import org.openmiles.cashmiles.domain.PaymentPricing;
import org.openmiles.cashmiles.domain.PaymentRepository;
import org.openmiles.cashmiles.domain.PaymentState;
import org.openmiles.cashmiles.domain.PaymentTimes;
import org.openmiles.cashmiles.domain.Quote;
import org.openmiles.cashmiles.domain.QuoteCalculator;
import org.openmiles.cashmiles.domain.QuoteTerms;
import org.openmiles.cashmiles.domain.RefundRules;
import org.openmiles.cashmiles.domain.StoredPayment;
import org.openmiles.common.Money;
import org.openmiles.common.jdbc.Jdbc;

/**
 * Quotes, payments, refunds and rules in the {@code cashmiles} schema, with plain prepared SQL (one
 * statement per step, no entity graph: the booking-engine path must stay lean). Effective-dated
 * rules: the row with the greatest {@code effective_from <= day} applies if its {@code
 * effective_to} is null or after the day.
 */
@ApplicationScoped
public class JdbcPaymentRepository implements PaymentRepository {
  /** A payment with its quote's refund rules, as {@link #payment} reads it. */
  private static final String PAYMENT =
      """
      select p.id, p.client_id, p.quote_token, p.member_number, p.miles, p.currency, p.miles_value,
       p.cash_for_fare, p.taxes_and_fees, p.total_cash, p.status, p.hold_reference,
       p.booking_reference, p.ticket_numbers, p.captured_miles, p.refunded_miles,
       p.hold_expires_at, p.created_at, p.updated_at, p.captured_at, p.voided_at,
       q.voluntary_refund_redeposit, q.involuntary_refund_redeposit
       from cashmiles.payment p join cashmiles.quote q on q.token = p.quote_token
      """;

  @Inject Jdbc jdbc;

  @Override
  public Pricing pricingOn(String currency, LocalDate day) {
    return jdbc.first(
            "read the Cash & Miles rule and mile value",
            """
            select r.min_miles_per_segment, r.miles_step, r.max_fare_share_pct,
             r.quote_ttl_seconds, r.hold_ttl_seconds, r.voluntary_refund_redeposit,
             r.involuntary_refund_redeposit, r.effective_to as rule_to, r.found as rule_found,
             v.value_per_mile, v.effective_to as value_to, v.found as value_found
             from (values (1)) one
             left join lateral (select *, true found from cashmiles.cash_miles_rule
             where effective_from <= ? order by effective_from desc fetch first 1 rows only)
             r on true
             left join lateral (select value_per_mile, effective_to, true found
             from cashmiles.mile_value where currency = ? and effective_from <= ?
             order by effective_from desc fetch first 1 rows only) v on true
            """,
            (c, ps) -> {
              ps.setDate(1, Date.valueOf(day));
              ps.setString(2, currency);
              ps.setDate(3, Date.valueOf(day));
            },
            rs -> {
              Optional<CashMilesRule> rule =
                  !rs.getBoolean("rule_found") || endedBy(rs.getDate("rule_to"), day)
                      ? Optional.empty()
                      : Optional.of(rule(rs));
              Optional<BigDecimal> value =
                  !rs.getBoolean("value_found") || endedBy(rs.getDate("value_to"), day)
                      ? Optional.empty()
                      : Optional.of(rs.getBigDecimal("value_per_mile"));
              return new Pricing(rule, value);
            })
        .orElseThrow();
  }

  /** An effective_to on or before the day ends the row (effective_to is exclusive). */
  private static boolean endedBy(Date effectiveTo, LocalDate day) {
    return effectiveTo != null && !day.isBefore(effectiveTo.toLocalDate());
  }

  @Override
  public void insertQuote(Quote q) {
    jdbc.update(
        "store a quote",
        """
        insert into cashmiles.quote (token, client_id, member_number, currency, base_fare,
         taxes_and_fees, passengers, segments, value_per_mile, min_miles, max_miles,
         miles_step, hold_ttl_seconds, voluntary_refund_redeposit,
         involuntary_refund_redeposit, created_at, expires_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        (c, ps) -> {
          ps.setString(1, q.token());
          ps.setString(2, q.client().value());
          ps.setString(3, q.member().value());
          ps.setString(4, q.fare().baseFare().currency().getCurrencyCode());
          ps.setBigDecimal(5, q.fare().baseFare().amount());
          ps.setBigDecimal(6, q.fare().taxesAndFees().amount());
          ps.setInt(7, q.fare().passengers());
          ps.setInt(8, q.fare().segments());
          QuoteTerms t = q.terms();
          ps.setBigDecimal(9, t.valuePerMile());
          ps.setLong(10, t.range().minimum());
          ps.setLong(11, t.range().maximum());
          ps.setLong(12, t.range().step());
          ps.setInt(13, t.holdTtlSeconds());
          ps.setBoolean(14, t.refunds().voluntaryRedeposit());
          ps.setBoolean(15, t.refunds().involuntaryRedeposit());
          ps.setTimestamp(16, Timestamp.from(q.createdAt()));
          ps.setTimestamp(17, Timestamp.from(q.expiresAt()));
        });
  }

  @Override
  public Optional<QuoteForPayment> quoteForPayment(ClientId client, String token) {
    return jdbc.first(
        "read a quote",
        """
        select currency, base_fare, taxes_and_fees, passengers, segments, value_per_mile,
         min_miles, max_miles, miles_step, hold_ttl_seconds, voluntary_refund_redeposit,
         involuntary_refund_redeposit, created_at, expires_at, member_number,
         nextval('cashmiles.payment_seq') as payment_id from cashmiles.quote where token = ?
         and client_id = ?
        """,
        (c, ps) -> {
          ps.setString(1, token);
          ps.setString(2, client.value());
        },
        rs -> {
          Currency currency = Currency.getInstance(rs.getString("currency").trim());
          Quote quote =
              new Quote(
                  token,
                  client,
                  new MemberNumber(rs.getString("member_number")),
                  new QuoteCalculator.Fare(
                      money(rs.getBigDecimal("base_fare"), currency),
                      money(rs.getBigDecimal("taxes_and_fees"), currency),
                      rs.getInt("passengers"),
                      rs.getInt("segments")),
                  new QuoteTerms(
                      rs.getBigDecimal("value_per_mile"),
                      new QuoteCalculator.Range(
                          rs.getLong("min_miles"),
                          rs.getLong("max_miles"),
                          rs.getLong("miles_step")),
                      rs.getInt("hold_ttl_seconds"),
                      refunds(rs)),
                  rs.getTimestamp("created_at").toInstant(),
                  rs.getTimestamp("expires_at").toInstant());
          return new QuoteForPayment(quote, rs.getLong("payment_id"));
        });
  }

  @Override
  public long nextRefundId() {
    return nextval("cashmiles.refund_seq");
  }

  private long nextval(String sequence) {
    return jdbc.first(
            "draw from " + sequence,
            "select nextval('" + sequence + "') as id",
            (c, ps) -> {},
            rs -> rs.getLong("id"))
        .orElseThrow();
  }

  @Override
  public void insertPayment(StoredPayment p) {
    jdbc.update(
        "store a payment",
        """
        insert into cashmiles.payment (id, client_id, quote_token, member_number, miles,
         currency, miles_value, cash_for_fare, taxes_and_fees, total_cash, status,
         hold_reference, booking_reference, captured_miles, refunded_miles,
         hold_expires_at, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        (c, ps) -> {
          ps.setLong(1, p.id());
          ps.setString(2, p.client().value());
          PaymentPricing pricing = p.pricing();
          ps.setString(3, pricing.quoteToken());
          ps.setString(4, p.member().value());
          ps.setLong(5, p.state().miles());
          ps.setString(6, pricing.split().totalCash().currency().getCurrencyCode());
          ps.setBigDecimal(7, pricing.split().milesValue().amount());
          ps.setBigDecimal(8, pricing.split().cashForFare().amount());
          ps.setBigDecimal(9, pricing.taxesAndFees().amount());
          ps.setBigDecimal(10, pricing.split().totalCash().amount());
          ps.setString(11, p.state().stored().name());
          ps.setString(12, p.holdReference());
          ps.setString(13, p.booking().reference());
          ps.setLong(14, p.state().capturedMiles());
          ps.setLong(15, p.state().refundedMiles());
          ps.setTimestamp(16, Timestamp.from(p.state().holdExpiresAt()));
          ps.setTimestamp(17, Timestamp.from(p.times().createdAt()));
          ps.setTimestamp(18, Timestamp.from(p.times().updatedAt()));
        });
  }

  @Override
  public Optional<StoredPayment> lock(ClientId client, long id) {
    return onePayment(client, id, " for update of p"); // not the quote: ADR 0023
  }

  @Override
  public Optional<StoredPayment> find(ClientId client, long id) {
    return onePayment(client, id, "");
  }

  private Optional<StoredPayment> onePayment(ClientId client, long id, String lock) {
    return jdbc.first(
        "read a payment",
        PAYMENT + " where p.id = ? and p.client_id = ?" + lock,
        (c, ps) -> {
          ps.setLong(1, id);
          ps.setString(2, client.value());
        },
        JdbcPaymentRepository::payment);
  }

  @Override
  public void update(long id, PaymentState s, List<String> ticketNumbers, Instant at) {
    Timestamp now = Timestamp.from(at);
    jdbc.update(
        "update a payment",
        """
        update cashmiles.payment set status = ?, captured_miles = ?, refunded_miles = ?,
         updated_at = ?,
         captured_at = case when ? = 'CAPTURED' then ? else captured_at end,
         voided_at = case when ? = 'VOIDED' then ? else voided_at end,
         ticket_numbers = coalesce(?, ticket_numbers) where id = ?
        """,
        (c, ps) -> {
          String status = s.stored().name();
          ps.setString(1, status);
          ps.setLong(2, s.capturedMiles());
          ps.setLong(3, s.refundedMiles());
          ps.setTimestamp(4, now);
          ps.setString(5, status);
          ps.setTimestamp(6, now);
          ps.setString(7, status);
          ps.setTimestamp(8, now);
          if (ticketNumbers == null || ticketNumbers.isEmpty()) {
            ps.setNull(9, Types.VARCHAR);
          } else {
            ps.setString(9, String.join(",", ticketNumbers));
          }
          ps.setLong(10, id);
        });
  }

  @Override
  public List<StoredPayment> list(
      ClientId client, Optional<PaymentStatus> status, long after, int limit, Instant now) {
    // EXPIRED and AUTHORIZED depend on the time: an authorized payment past its hold is expired
    String filter =
        status
            .map(
                s ->
                    switch (s) {
                      case AUTHORIZED -> " and p.status = 'AUTHORIZED' and p.hold_expires_at > ?";
                      case EXPIRED ->
                          " and (p.status = 'EXPIRED' or (p.status = 'AUTHORIZED'"
                              + " and p.hold_expires_at <= ?))";
                      default -> " and p.status = ?";
                    })
            .orElse("");
    return jdbc.list(
        "list payments",
        PAYMENT
            + " where p.client_id = ? and p.id > ?"
            + filter
            + " order by p.id fetch first "
            + limit
            + " rows only",
        (c, ps) -> {
          ps.setString(1, client.value());
          ps.setLong(2, after);
          if (status.isPresent()) {
            PaymentStatus s = status.get();
            if (s == PaymentStatus.AUTHORIZED || s == PaymentStatus.EXPIRED) {
              ps.setTimestamp(3, Timestamp.from(now));
            } else {
              ps.setString(3, s.name());
            }
          }
        },
        JdbcPaymentRepository::payment);
  }

  @Override
  public List<StoredPayment> ofMember(String memberNumber, int limit) {
    return jdbc.list(
        "list payments of member",
        PAYMENT
            + " where p.member_number = ? order by p.id desc fetch first "
            + limit
            + " rows only",
        (c, ps) -> ps.setString(1, memberNumber),
        JdbcPaymentRepository::payment);
  }

  @Override
  public void insertRefund(
      long id,
      long paymentId,
      long miles,
      RefundReason reason,
      long milesRedeposited,
      String ledgerReference,
      Instant at) {
    jdbc.update(
        "store a refund",
        """
        insert into cashmiles.refund (id, payment_id, miles, reason, redeposited_miles,
         ledger_reference, created_at) values (?, ?, ?, ?, ?, ?, ?)
        """,
        (c, ps) -> {
          ps.setLong(1, id);
          ps.setLong(2, paymentId);
          ps.setLong(3, miles);
          ps.setString(4, reason.name());
          ps.setLong(5, milesRedeposited);
          ps.setString(6, ledgerReference);
          ps.setTimestamp(7, Timestamp.from(at));
        });
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purgeUnusedQuotesExpiredBefore(Instant before, int limit) {
    return jdbc.update(
        "purge expired quotes",
        """
        delete from cashmiles.quote where token in (select q.token from cashmiles.quote q
         where q.expires_at < ? and not exists (select 1 from cashmiles.payment p
         where p.quote_token = q.token) order by q.expires_at fetch first ? rows only
         for update skip locked)
        """,
        (c, ps) -> {
          ps.setTimestamp(1, Timestamp.from(before));
          ps.setInt(2, limit);
        });
  }

  private static StoredPayment payment(ResultSet rs) throws SQLException {
    Currency currency = Currency.getInstance(rs.getString("currency").trim());
    String tickets = rs.getString("ticket_numbers");
    long miles = rs.getLong("miles");
    return new StoredPayment(
        rs.getLong("id"),
        new ClientId(rs.getString("client_id")),
        new MemberNumber(rs.getString("member_number")),
        new PaymentPricing(
            rs.getString("quote_token"),
            new QuoteCalculator.Split(
                miles,
                money(rs.getBigDecimal("miles_value"), currency),
                money(rs.getBigDecimal("cash_for_fare"), currency),
                money(rs.getBigDecimal("total_cash"), currency)),
            money(rs.getBigDecimal("taxes_and_fees"), currency),
            refunds(rs)),
        new PaymentState(
            PaymentStatus.valueOf(rs.getString("status")),
            miles,
            rs.getLong("captured_miles"),
            rs.getLong("refunded_miles"),
            rs.getTimestamp("hold_expires_at").toInstant()),
        rs.getString("hold_reference"),
        new PaidBooking(
            rs.getString("booking_reference"),
            tickets == null ? List.of() : Arrays.asList(tickets.split(","))),
        new PaymentTimes(
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(),
            instant(rs.getTimestamp("captured_at")),
            instant(rs.getTimestamp("voided_at"))));
  }

  /** The refund rules of a row that has them (a rule, or a quote and its payments). */
  /**
   * A row of {@code cash_miles_rule} (its columns by their names), as quotes and versions read it.
   */
  static CashMilesRule rule(ResultSet rs) throws SQLException {
    return new CashMilesRule(
        rs.getInt("min_miles_per_segment"),
        rs.getInt("miles_step"),
        rs.getBigDecimal("max_fare_share_pct"),
        rs.getInt("quote_ttl_seconds"),
        rs.getInt("hold_ttl_seconds"),
        refunds(rs));
  }

  private static RefundRules refunds(ResultSet rs) throws SQLException {
    return new RefundRules(
        rs.getBoolean("voluntary_refund_redeposit"), rs.getBoolean("involuntary_refund_redeposit"));
  }

  /** Amounts are stored with 4 decimals; the currency's minor unit is what they mean. */
  private static Money money(BigDecimal stored, Currency currency) {
    return new Money(stored.stripTrailingZeros(), currency);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
