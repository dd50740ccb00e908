package org.openmiles.retention.api;

/** A marketing channel a member consents to: e-mail, SMS, OTT chat apps (Zalo...), app push. */
public enum Channel {
  EMAIL,
  SMS,
  OTT,
  PUSH;

  /** The channel named {@code text} (case-insensitive). */
  public static Channel parse(String text) {
    return EnumNames.find(Channel.class, text)
        .orElseThrow(
            () ->
                new UnknownChannelException(
                    "channel '" + text + "' is not one of EMAIL, SMS, OTT, PUSH"));
  }
}
