package org.openmiles.cashmiles.api;

import java.util.Objects;

/**
 * Hold {@code miles} of a quote's member for a booking: one of the quote's allowed splits, while
 * the quote is valid. The booking reference (PNR) is the engine's own, 1-60 printable characters.
 */
public record AuthorizePayment(
    ClientId client, String quoteToken, long miles, String bookingReference) {
  public static final int MAX_BOOKING_REFERENCE = 60;

  public AuthorizePayment {
    Objects.requireNonNull(client, "client is required");
    if (quoteToken == null || quoteToken.isBlank() || quoteToken.length() > 40) {
      throw new IllegalArgumentException("quoteToken is required (at most 40 characters)");
    }
    if (miles <= 0) {
      throw new IllegalArgumentException("miles must be positive");
    }
    if (bookingReference == null
        || bookingReference.isBlank()
        || bookingReference.length() > MAX_BOOKING_REFERENCE
        || !bookingReference.chars().allMatch(c -> c >= 32 && c < 127)) {
      throw new IllegalArgumentException(
          "bookingReference is required: 1 to "
              + MAX_BOOKING_REFERENCE
              + " printable ASCII characters");
    }
  }
}
