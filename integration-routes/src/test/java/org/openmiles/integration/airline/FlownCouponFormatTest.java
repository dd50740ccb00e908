package org.openmiles.integration.airline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.integration.common.BadRecord;
import org.openmiles.integration.common.Feed;

class FlownCouponFormatTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
  private static final String GOOD =
      "D,7381234567890,1,F,1000000008,Nguyen,An,VN,VN,213,2026-11-20,HAN,SGN,Y,YOWVN,120.50,USD";

  private static FlownCoupon parse(String line) throws BadRecord {
    return FlownCouponFormat.detail(Feed.fields(line), 7, TODAY, 12);
  }

  /** The good line with field {@code index} replaced. */
  private static String with(int index, String value) throws BadRecord {
    List<String> f = new ArrayList<>(Feed.fields(GOOD));
    f.set(index, value);
    return String.join(",", f);
  }

  @Test
  void aWellFormedCouponIsReadWhole() throws BadRecord {
    FlownCoupon c = parse(GOOD);
    assertThat(c.ticketNumber()).isEqualTo("7381234567890");
    assertThat(c.couponNumber()).isEqualTo(1);
    assertThat(c.earns()).isTrue();
    assertThat(c.member().value()).isEqualTo("1000000008");
    assertThat(c.flight().date()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(c.fare().baseFare()).isEqualByComparingTo("120.50");
    assertThat(c.ledgerReference()).isEqualTo("F:7381234567890:1");
    assertThat(c.lineNumber()).isEqualTo(7);
    assertThat(parse(with(4, "")).member()).as("no member number: claimable later").isNull();
    assertThat(parse(with(3, "r")).reverses()).isTrue();
  }

  @Test
  void eachBrokenFieldHasItsOwnCode() {
    Map<String, String> cases =
        Map.ofEntries(
            Map.entry("INVALID_TICKET_NUMBER:1", "738123456789"),
            Map.entry("INVALID_COUPON_NUMBER:2", "5"),
            Map.entry("COUPON_NOT_FLOWN:3", "O"),
            Map.entry("INVALID_COUPON_STATUS:3", "Q"),
            Map.entry("INVALID_MEMBER_NUMBER:4", "1000000009"),
            Map.entry("INVALID_NAME:5", ""),
            Map.entry("INVALID_CARRIER:7", "V"),
            Map.entry("INVALID_FLIGHT_NUMBER:9", "21345"),
            Map.entry("INVALID_DATE:10", "20/11/2026"),
            Map.entry("FUTURE_DATE:10", "2026-11-25"),
            Map.entry("TOO_OLD:10", "2025-11-23"),
            Map.entry("INVALID_AIRPORT:12", "HAN"),
            Map.entry("INVALID_BOOKING_CLASS:13", "YY"),
            Map.entry("INVALID_FARE_BASIS:14", "Y-OW"),
            Map.entry("INVALID_FARE:15", "-1"),
            Map.entry("INVALID_CURRENCY:16", "usd"));
    cases.forEach(
        (key, value) -> {
          String code = key.substring(0, key.indexOf(':'));
          int index = Integer.parseInt(key.substring(key.indexOf(':') + 1));
          assertThatThrownBy(() -> parse(with(index, value)))
              .as(key)
              .isInstanceOfSatisfying(BadRecord.class, e -> assertThat(e.code()).isEqualTo(code));
        });
  }

  @Test
  void aRefundOfAnOldOrFutureDatedCouponIsStillRead() throws BadRecord {
    assertThat(parse(with(3, "R").replace("2026-11-20", "2024-01-01")).reverses()).isTrue();
  }

  @Test
  void theHeaderNamesFormatVersionAndHostCarrier() {
    assertThatThrownBy(
            () ->
                FlownCouponFormat.checkHeader(
                    Feed.fields("H,OPENMILES-FLOWN-COUPONS,1,QH,2026-11-24,R1"), "VN"))
        .isInstanceOfSatisfying(
            BadRecord.class, e -> assertThat(e.code()).isEqualTo("WRONG_SENDER"));
    assertThatThrownBy(
            () ->
                FlownCouponFormat.checkHeader(
                    Feed.fields("H,OPENMILES-FLOWN-COUPONS,2,VN,2026-11-24,R1"), "VN"))
        .isInstanceOfSatisfying(
            BadRecord.class, e -> assertThat(e.code()).isEqualTo("UNSUPPORTED_VERSION"));
  }

  @Test
  void faresAndCouponNumbersAreAsciiNumbersOnly() throws BadRecord {
    for (String fare :
        new String[] {"1.2e2", "1E2", "+120", "\u0661\u0662\u0660", "\uFF11\uFF12\uFF10"}) {
      assertRejected(15, fare, "INVALID_FARE");
    }
    for (String coupon : new String[] {"+1", "\u0661", "\uFF11", "01"}) {
      assertRejected(2, coupon, "INVALID_COUPON_NUMBER");
    }
    assertThat(parse(with(15, "120")).fare().baseFare()).isEqualByComparingTo("120");
  }

  /** The good line with field {@code index} set to {@code value} is rejected with {@code code}. */
  private static void assertRejected(int index, String value, String code) throws BadRecord {
    String line = with(index, value);
    assertThatThrownBy(() -> parse(line))
        .as(value)
        .isInstanceOf(BadRecord.class)
        .extracting(e -> ((BadRecord) e).code())
        .isEqualTo(code);
  }
}
