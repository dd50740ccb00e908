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
    if (!printable(value)) {
      throw new IllegalArgumentException("source reference must be printable ASCII without spaces");
    }
  }

  private static boolean printable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 32 || c >= 127) {
        return false;
      }
    }
    return true;
  }

  public static SourceReference of(String value) {
    return new SourceReference(value);
  }

  /** Prefixes the ledger itself uses for the entries of its expiry runs. */
  public static final String EXPIRY_PREFIX = "expiry";

  /**
   * Refuses references a caller may not choose: {@code #} marks the ledger's own steps of a hold
   * ({@code ref#capture}), and references starting with {@code expiry} belong to the expiry run.
   */
  public SourceReference requireCallerChosen() {
    if (value.indexOf('#') >= 0) {
      throw new IllegalArgumentException(
          "source reference must not contain '#' (the ledger uses it for the steps of a hold)");
    }
    if (value.startsWith(EXPIRY_PREFIX)) {
      throw new IllegalArgumentException(
          "source references starting with 'expiry' are reserved for the expiry run");
    }
    return this;
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
