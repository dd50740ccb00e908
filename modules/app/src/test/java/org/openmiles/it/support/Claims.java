package org.openmiles.it.support;

/** Request bodies of the missing-miles claims API, shared by the ITs that file claims. */
public final class Claims {
  private Claims() {}

  /** A claim of a VN flight; {@code coupon} may be null (matched by flight number and date). */
  public static String body(
      String ticket, Integer coupon, String flightNumber, String date, String route, String cls) {
    String[] od = route.split("-");
    return """
        {"ticketNumber":"%s",%s"carrier":"VN","flightNumber":"%s","flightDate":"%s",\
        "origin":"%s","destination":"%s","bookingClass":"%s"}"""
        .formatted(
            ticket,
            coupon == null ? "" : "\"couponNumber\":" + coupon + ",",
            flightNumber,
            date,
            od[0],
            od[1],
            cls);
  }
}
