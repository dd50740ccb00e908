package org.openmiles.accrual.api;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One passenger-segment of the reservation system's booking file: PNR locator + passenger number +
 * segment number are its identity. A bookings file is a snapshot, so a newer file replaces what an
 * older one said about the same segment; {@code fileDate} (the header's date) orders the snapshots.
 * The flight's operating carrier is null: the file names only the marketing carrier.
 */
public record BookedSegment(
    String pnr,
    int passengerNumber,
    int segmentNumber,
    BookedPassenger passenger,
    Flight flight,
    String bookingClass,
    String segmentStatus,
    LocalDate fileDate,
    long lineNumber) {

  /** What the reservation system's segment status code means for miles. */
  public enum Status {
    /** HK, KK, KL, TK, RR: the seat is held; the segment shows expected miles. */
    CONFIRMED,
    /** HL, WL: on the waitlist; kept and shown on the booking, but no expected miles yet. */
    WAITLISTED,
    /** UN, UC, NO, HX, XX: cancelled or refused; never shown as pending. */
    CANCELLED
  }

  private static final Set<String> CONFIRMED = Set.of("HK", "KK", "KL", "TK", "RR");
  private static final Set<String> WAITLISTED = Set.of("HL", "WL");
  private static final Set<String> CANCELLED = Set.of("UN", "UC", "NO", "HX", "XX");

  public BookedSegment {
    Objects.requireNonNull(pnr, "pnr");
    Objects.requireNonNull(passenger, "passenger");
    Objects.requireNonNull(flight, "flight");
    Objects.requireNonNull(bookingClass, "bookingClass");
    Objects.requireNonNull(fileDate, "fileDate");
    if (status(segmentStatus).isEmpty()) {
      throw new IllegalArgumentException("segment status " + segmentStatus + " is not accepted");
    }
  }

  /** The meaning of an accepted AIRIMP segment status code, or empty if it is not accepted. */
  public static Optional<Status> status(String code) {
    String c = code == null ? "" : code.toUpperCase(Locale.ROOT);
    if (CONFIRMED.contains(c)) {
      return Optional.of(Status.CONFIRMED);
    }
    if (WAITLISTED.contains(c)) {
      return Optional.of(Status.WAITLISTED);
    }
    if (CANCELLED.contains(c)) {
      return Optional.of(Status.CANCELLED);
    }
    return Optional.empty();
  }

  /** The accepted segment status codes that mean {@code s}, e.g. HL and WL for WAITLISTED. */
  public static Set<String> codes(Status s) {
    return switch (s) {
      case CONFIRMED -> CONFIRMED;
      case WAITLISTED -> WAITLISTED;
      case CANCELLED -> CANCELLED;
    };
  }

  public Status status() {
    return status(segmentStatus).orElseThrow();
  }

  /** The identity of the segment, e.g. {@code K7QX2M/1/2} (PNR / passenger / segment). */
  public String key() {
    return key(pnr, passengerNumber, segmentNumber);
  }

  public static String key(String pnr, int passenger, int segment) {
    return pnr + "/" + passenger + "/" + segment;
  }
}
