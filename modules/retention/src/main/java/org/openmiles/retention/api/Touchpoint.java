package org.openmiles.retention.api;

/** Where the member met the airline before answering an NPS survey. */
public enum Touchpoint {
  FLIGHT,
  CALL,
  AWARD,
  PARTNER;

  /** The touchpoint named {@code text} (case-insensitive). */
  public static Touchpoint parse(String text) {
    return EnumNames.find(Touchpoint.class, text)
        .orElseThrow(
            () ->
                new UnknownTouchpointException(
                    "touchpoint '" + text + "' is not one of FLIGHT, CALL, AWARD, PARTNER"));
  }
}
