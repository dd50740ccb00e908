package org.openmiles.retention.api;

/**
 * What NPS is reported by: the month answered (airline time zone, {@code yyyy-MM}), the member's
 * tier when answering, the touchpoint, the route ({@code SGN-HAN}; {@code NONE} when not given) or
 * the member's current RFM segment ({@code UNSCORED} when the member has no score).
 */
public enum NpsDimension {
  MONTH,
  TIER,
  TOUCHPOINT,
  ROUTE,
  SEGMENT;

  /** The dimension named {@code text} (case-insensitive). */
  public static NpsDimension parse(String text) {
    return EnumNames.find(NpsDimension.class, text)
        .orElseThrow(
            () ->
                new UnknownNpsDimensionException(
                    "by must be one of month, tier, touchpoint, route, segment; not '"
                        + text
                        + "'"));
  }
}
