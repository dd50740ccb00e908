package org.openmiles.common;

import java.util.LinkedHashMap;
import java.util.Map;

/** One or more fields break their rules; {@link #fieldErrors()} says which and why. */
public class ValidationException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  private final Map<String, String> fieldErrors;

  public ValidationException(Map<String, String> fieldErrors) {
    super("VALIDATION_FAILED", ErrorKind.INVALID_INPUT, summary(fieldErrors));
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  public static ValidationException of(String field, String reason) {
    return new ValidationException(Map.of(field, reason));
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("errors", new LinkedHashMap<>(fieldErrors));
  }

  private static String summary(Map<String, String> errors) {
    StringBuilder sb = new StringBuilder("Please correct: ");
    errors.forEach((f, r) -> sb.append(f).append(" (").append(r).append("); "));
    return sb.substring(0, sb.length() - 2);
  }
}
