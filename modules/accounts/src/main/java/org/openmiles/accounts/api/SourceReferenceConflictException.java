package org.openmiles.accounts.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * The source reference was already used for a different posting: a retry must repeat the same
 * request.
 */
public class SourceReferenceConflictException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public SourceReferenceConflictException(String message) {
    super("SOURCE_REFERENCE_CONFLICT", ErrorKind.CONFLICT, message);
  }
}
