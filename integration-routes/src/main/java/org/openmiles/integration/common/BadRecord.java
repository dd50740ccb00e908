package org.openmiles.integration.common;

/** A record a file format refuses, with a stable code and a reason the sender can act on. */
public final class BadRecord extends Exception {
  private static final long serialVersionUID = 1L;
  private final String code;

  public BadRecord(String code, String reason) {
    super(reason, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
