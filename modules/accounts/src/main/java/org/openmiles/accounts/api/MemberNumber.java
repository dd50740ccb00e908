package org.openmiles.accounts.api;

import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.util.Objects;
import org.openmiles.common.Validator;

/**
 * A member's public identifier: ten digits, the last a Luhn (mod 10) check digit over the first
 * nine, so a mistyped digit or a swap of two neighbours is caught before any lookup.
 */
@JsonbTypeAdapter(MemberNumber.Json.class)
public record MemberNumber(String value) {

  public MemberNumber {
    Objects.requireNonNull(value, "member number is required");
    String v = value.strip();
    if (!tenDigits(v)) {
      throw new IllegalArgumentException("member number must be 10 digits");
    }
    if (checkDigit(v.substring(0, 9)) != v.charAt(9) - '0') {
      throw new IllegalArgumentException("member number check digit does not match");
    }
    value = v;
  }

  /** Ten ASCII digits (a loop: {@code String.matches} compiled a pattern on every call). */
  private static boolean tenDigits(String v) {
    if (v.length() != 10) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The member number for a 9-digit sequence value, with its check digit appended. */
  public static MemberNumber fromSequence(long sequence) {
    if (sequence < 100_000_000L || sequence > 999_999_999L) {
      throw new IllegalArgumentException("sequence out of range: " + sequence);
    }
    String base = Long.toString(sequence);
    return new MemberNumber(base + checkDigit(base));
  }

  /**
   * A member number as a request sends it (a path parameter): valid, or a {@code 400
   * VALIDATION_FAILED} naming {@code memberNumber}.
   */
  public static MemberNumber fromRequest(String text) {
    return Validator.valid("memberNumber", () -> new MemberNumber(text));
  }

  public static boolean isValid(String candidate) {
    try {
      new MemberNumber(candidate);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  static int checkDigit(String digits) {
    int sum = 0;
    boolean doubleIt = true; // rightmost payload digit is doubled, as the check digit follows it
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return (10 - sum % 10) % 10;
  }

  @Override
  public String toString() {
    return value;
  }

  /** JSON shows the identifier as a plain string. */
  public static final class Json implements JsonbAdapter<MemberNumber, String> {
    @Override
    public String adaptToJson(MemberNumber v) {
      return v.value();
    }

    @Override
    public MemberNumber adaptFromJson(String s) {
      return new MemberNumber(s);
    }
  }
}
