package org.openmiles.common;

import java.util.Map;
import java.util.Objects;

/**
 * Base of every expected business refusal. Each subclass is named after the rule it guards and
 * carries a stable machine-readable code (e.g. {@code INSUFFICIENT_MILES}) that clients may rely
 * on; the message is for people and may change.
 */
public abstract class OpenMilesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final ErrorKind kind;

  protected OpenMilesException(String code, ErrorKind kind, String message) {
    super(message);
    this.code = Objects.requireNonNull(code);
    this.kind = Objects.requireNonNull(kind);
  }

  /** Stable code, UPPER_SNAKE_CASE. */
  public String code() {
    return code;
  }

  public ErrorKind kind() {
    return kind;
  }

  /** Extra members for the problem document (e.g. the fields that failed validation). */
  public Map<String, Object> details() {
    return Map.of();
  }
}
