package org.openmiles.accounts.api;

import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.util.Objects;

/**
 * Where a ledger mutation comes from, and so its idempotency key: a partner transaction id, a
 * ticket coupon, a payment, an agent's adjustment request. Unique across the whole ledger.
 * Printable ASCII without spaces, at most 120 characters; by convention {@code origin:id}.
 */
@JsonbTypeAdapter(SourceReference.Json.class)
public record SourceReference(String value) {
  public static final int MAX_LENGTH = 120;

  public SourceReference {
    Objects.requireNonNull(value, "source reference is required");
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "source reference must be 1 to " + MAX_LENGTH + " characters");
    }
    if (!value.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new IllegalArgumentException("source reference must be printable ASCII without spaces");
    }
  }

  public static SourceReference of(String value) {
    return new SourceReference(value);
  }

  /** A derived reference for a step of this one (e.g. the capture of a hold). */
  public SourceReference derive(String step) {
    return new SourceReference(value + "#" + step);
  }

  @Override
  public String toString() {
    return value;
  }

  /** JSON shows the identifier as a plain string. */
  public static final class Json implements JsonbAdapter<SourceReference, String> {
    @Override
    public String adaptToJson(SourceReference v) {
      return v.value();
    }

    @Override
    public SourceReference adaptFromJson(String s) {
      return new SourceReference(s);
    }
  }
}
