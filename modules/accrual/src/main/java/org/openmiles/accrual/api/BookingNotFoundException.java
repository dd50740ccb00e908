package org.openmiles.accrual.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No booking file has brought this PNR locator. */
public class BookingNotFoundException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public BookingNotFoundException(String message) {
    super("BOOKING_NOT_FOUND", ErrorKind.NOT_FOUND, message);
  }
}
