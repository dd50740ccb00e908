package org.openmiles.program.api;

import java.time.LocalDate;
import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * A version of the rule already applies from that date: versions are never overwritten, so the new
 * one needs another date (or, for a version not yet in force, a change from a later date).
 */
public class VersionExistsException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public VersionExistsException(String kind, String key, LocalDate from) {
    super(
        "VERSION_EXISTS",
        ErrorKind.CONFLICT,
        kind + " " + key + " already has a version from " + from + "; choose another date");
  }
}
