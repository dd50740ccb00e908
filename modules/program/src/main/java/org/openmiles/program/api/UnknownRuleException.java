package org.openmiles.program.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The key names no rule of its kind (a partner that does not exist, say). */
public class UnknownRuleException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public UnknownRuleException(String kind, String key, String what) {
    super("UNKNOWN_RULE", ErrorKind.NOT_FOUND, "no " + kind + " " + key + ": " + what);
  }
}
