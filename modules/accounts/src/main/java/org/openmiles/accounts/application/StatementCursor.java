package org.openmiles.accounts.application;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.openmiles.common.ValidationException;

/** Opaque keyset cursor for statements: the id of the last entry shown, base64url-encoded. */
final class StatementCursor {
  private static final String PREFIX = "e:";

  private StatementCursor() {}

  static String encode(long entryId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + entryId).getBytes(StandardCharsets.US_ASCII));
  }

  /** The entry id, or null for the first page; refuses anything not made by {@link #encode}. */
  static Long decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (s.startsWith(PREFIX)) {
        return Long.parseLong(s.substring(PREFIX.length()));
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    throw ValidationException.of(
        "cursor", "is not a cursor from a previous page; start without one");
  }
}
