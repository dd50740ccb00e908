package org.openmiles.program.api;

import java.time.LocalDate;
import java.util.Map;

/**
 * A proposed change as a program manager sends it: which rule ({@code kind}, {@code key}), the new
 * version's {@code fields}, the date it applies from, whether it corrects the past (then a date
 * before today is allowed, decided like any change), and why.
 */
public record ProposeChange(
    String kind,
    String key,
    Map<String, String> fields,
    LocalDate effectiveFrom,
    boolean correction,
    String reason) {
  public ProposeChange {
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }
}
