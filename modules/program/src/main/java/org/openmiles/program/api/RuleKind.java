package org.openmiles.program.api;

import java.util.List;

/**
 * A kind of rule that program managers change: its {@code name} in paths and requests, a {@code
 * title} for people, what its {@code key} names (a partner and an earn basis, say) and the fields
 * of a version, which forms and the API describe from here.
 */
public record RuleKind(String name, String title, String key, List<RuleField> fields) {
  public RuleKind {
    fields = List.copyOf(fields);
  }
}
