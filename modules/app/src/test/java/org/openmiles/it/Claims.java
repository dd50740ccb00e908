package org.openmiles.it;

/** Request bodies of the missing-miles claims API, shared by the ITs that file claims. */
final class Claims {
  private Claims() {}

  /** A claim of a VN flight; {@code coupon} may be null (matched by flight number and date). */
  static String body(
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
