package org.openmiles.accrual.domain;

/** Great-circle distance on a sphere of the Earth's mean radius (haversine formula). */
public final class GreatCircle {
  /** Mean Earth radius in statute miles (6,371.0088 km). */
  public static final double EARTH_RADIUS_MILES = 3958.7613;

  private GreatCircle() {}

  public static long miles(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = Math.toRadians(lat2 - lat1);
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    double c = 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    return Math.round(EARTH_RADIUS_MILES * c);
  }
}
