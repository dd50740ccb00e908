package org.openmiles.redemption.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No extension package on sale has this code. */
public class ExtensionPackageNotFoundException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public ExtensionPackageNotFoundException(String message) {
    super("EXTENSION_PACKAGE_NOT_FOUND", ErrorKind.NOT_FOUND, message);
  }
}
