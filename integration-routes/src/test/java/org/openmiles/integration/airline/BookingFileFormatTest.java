package org.openmiles.integration.airline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.accrual.api.BookedSegment;
import org.openmiles.integration.common.BadRecord;
import org.openmiles.integration.common.Feed;

class BookingFileFormatTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
  private static final LocalDate FILE_DATE = LocalDate.of(2026, 11, 23);
  private static final String GOOD =
      "D,K7QX2M,1,Nguyen,An,1000000008,7381234567890,2,VN,0213,2026-12-20,HAN,SGN,Y,HK";

  private static BookedSegment parse(String line) throws BadRecord {
    return BookingFileFormat.detail(Feed.fields(line), 7, TODAY, 12, FILE_DATE);
  }

  /** The good line with field {@code index} replaced. */
  private static String with(int index, String value) throws BadRecord {
    List<String> f = new ArrayList<>(Feed.fields(GOOD));
    f.set(index, value);
    return String.join(",", f);
  }

  @Test
  void aWellFormedSegmentIsReadWhole() throws BadRecord {
    BookedSegment s = parse(GOOD);
    assertThat(s.pnr()).isEqualTo("K7QX2M");
    assertThat(s.passengerNumber()).isEqualTo(1);
    assertThat(s.segmentNumber()).isEqualTo(2);
    assertThat(s.key()).isEqualTo("K7QX2M/1/2");
    assertThat(s.passenger().member().value()).isEqualTo("1000000008");
    assertThat(s.passenger().ticketNumber()).isEqualTo("7381234567890");
    assertThat(s.flight().number()).as("leading zeros dropped").isEqualTo("213");
    assertThat(s.flight().date()).isEqualTo(LocalDate.of(2026, 12, 20));
    assertThat(s.status()).isEqualTo(BookedSegment.Status.CONFIRMED);
    assertThat(s.fileDate()).isEqualTo(FILE_DATE);
    assertThat(s.lineNumber()).isEqualTo(7);
    assertThat(parse(with(5, "")).passenger().member()).as("no member number").isNull();
    assertThat(parse(with(6, "")).passenger().ticketNumber()).as("not ticketed yet").isNull();
    assertThat(parse(with(9, "213A")).flight().number()).isEqualTo("213A");
  }

  @Test
  void eachAcceptedStatusHasItsMeaning() throws BadRecord {
    Map<String, BookedSegment.Status> cases = new LinkedHashMap<>();
    for (String c : List.of("HK", "KK", "KL", "TK", "RR", "hk")) {
      cases.put(c, BookedSegment.Status.CONFIRMED);
    }
    for (String c : List.of("HL", "WL")) {
      cases.put(c, BookedSegment.Status.WAITLISTED);
    }
    for (String c : List.of("UN", "UC", "NO", "HX", "XX")) {
      cases.put(c, BookedSegment.Status.CANCELLED);
    }
    for (var e : cases.entrySet()) {
      assertThat(parse(with(14, e.getKey())).status()).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  @Test
  void eachBrokenFieldHasItsOwnCode() {
    Map<String, String> cases =
        Map.ofEntries(
            Map.entry("INVALID_PNR:1", "K7QX2"),
            Map.entry("INVALID_PASSENGER_NUMBER:2", "0"),
            Map.entry("INVALID_NAME:3", ""),
            Map.entry("INVALID_MEMBER_NUMBER:5", "1000000009"),
            Map.entry("INVALID_TICKET_NUMBER:6", "738123456789"),
            Map.entry("INVALID_SEGMENT_NUMBER:7", "100"),
            Map.entry("INVALID_CARRIER:8", "V"),
            Map.entry("INVALID_FLIGHT_NUMBER:9", "21345"),
            Map.entry("INVALID_DATE:10", "20/12/2026"),
            Map.entry("TOO_OLD:10", "2025-11-23"),
            Map.entry("TOO_FAR_AHEAD:10", "2027-11-26"),
            Map.entry("INVALID_AIRPORT:12", "HAN"),
            Map.entry("INVALID_BOOKING_CLASS:13", "YY"),
            Map.entry("UNSUPPORTED_SEGMENT_STATUS:14", "HN"),
            Map.entry("INVALID_SEGMENT_STATUS:14", "ZZ"));
    cases.forEach(
        (key, value) -> {
          String code = key.substring(0, key.indexOf(':'));
          int index = Integer.parseInt(key.substring(key.indexOf(':') + 1));
          assertThatThrownBy(() -> parse(with(index, value)))
              .as(key)
              .isInstanceOfSatisfying(BadRecord.class, e -> assertThat(e.code()).isEqualTo(code));
        });
    assertThatThrownBy(() -> parse(GOOD + ",extra"))
        .isInstanceOfSatisfying(
            BadRecord.class, e -> assertThat(e.code()).isEqualTo("WRONG_FIELD_COUNT"));
  }

  @Test
  void departuresAtTheEdgesOfTheWindowAreRead() throws BadRecord {
    assertThat(parse(with(10, "2025-11-24")).flight().date()).isEqualTo(TODAY.minusMonths(12));
    assertThat(parse(with(10, "2027-11-25")).flight().date()).isEqualTo(TODAY.plusDays(366));
  }

  @Test
  void theControlAmountIsTheFlightNumbersDigits() throws BadRecord {
    assertThat(BookingFileFormat.controlAmount(Feed.fields(GOOD))).isEqualByComparingTo("213");
    assertThat(BookingFileFormat.controlAmount(Feed.fields(with(9, "1181A"))))
        .isEqualByComparingTo("1181");
    assertThat(BookingFileFormat.controlAmount(Feed.fields(with(9, "VN213")))).isNull();
    assertThat(BookingFileFormat.controlAmount(Feed.fields("D,K7QX2M,1"))).isNull();
  }

  @Test
  void theHeaderNamesFormatVersionHostCarrierAndAPlausibleFileDate() throws BadRecord {
    assertThat(
            BookingFileFormat.checkHeader(
                Feed.fields("H,OPENMILES-BOOKINGS,1,VN,2026-11-25,RES-1"), "VN", TODAY))
        .isEqualTo(LocalDate.of(2026, 11, 25));
    Map<String, String> cases =
        Map.of(
            "WRONG_SENDER", "H,OPENMILES-BOOKINGS,1,QH,2026-11-24,R1",
            "UNSUPPORTED_VERSION", "H,OPENMILES-BOOKINGS,2,VN,2026-11-24,R1",
            "BAD_HEADER", "H,OPENMILES-FLOWN-COUPONS,1,VN,2026-11-24,R1",
            "MISSING_HEADER", "D,OPENMILES-BOOKINGS,1,VN,2026-11-24,R1",
            "INVALID_FILE_DATE", "H,OPENMILES-BOOKINGS,1,VN,24/11/2026,R1");
    cases.forEach(
        (code, line) ->
            assertThatThrownBy(() -> BookingFileFormat.checkHeader(Feed.fields(line), "VN", TODAY))
                .as(code)
                .isInstanceOfSatisfying(
                    BadRecord.class, e -> assertThat(e.code()).isEqualTo(code)));
    assertThatThrownBy(
            () ->
                BookingFileFormat.checkHeader(
                    Feed.fields("H,OPENMILES-BOOKINGS,1,VN,2026-11-26,R1"), "VN", TODAY))
        .as("a future file date would freeze later snapshots")
        .isInstanceOfSatisfying(
            BadRecord.class, e -> assertThat(e.code()).isEqualTo("INVALID_FILE_DATE"));
  }
}
