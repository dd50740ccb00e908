package org.openmiles.program.api;

import java.util.Collection;
import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No module administers a kind of rule by this name. */
public class UnknownRuleKindException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public UnknownRuleKindException(String kind, Collection<String> known) {
    super(
        "UNKNOWN_RULE_KIND",
        ErrorKind.NOT_FOUND,
        "no kind of rule named " + kind + "; the kinds are " + String.join(", ", known));
  }
}
