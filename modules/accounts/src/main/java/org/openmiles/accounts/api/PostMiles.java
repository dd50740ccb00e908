package org.openmiles.accounts.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Post one entry to a member's ledger. {@code miles} is the signed effect on the balance: positive
 * for CREDIT and REDEPOSIT, negative for DEBIT and REVERSAL, either for ADJUSTMENT; never zero.
 * {@code activityDate} is when the activity happened (a flight, a stay); it dates the expiry lot.
 * {@code qualifying} is the tier-qualifying activity the entry carries: only a CREDIT (positive) or
 * a REVERSAL (negative) may carry any. {@code expiresOn}, when set, is the last valid day of the
 * expiry lot a positive posting creates, in place of the date the expiry policy gives for {@code
 * activityDate}: a cancelled award's redeposit keeps the expiry of the miles it spent (ADR 0012).
 * Null (the usual case) lets the policy decide.
 */
public record PostMiles(
    MemberNumber member,
    EntryType type,
    long miles,
    SourceReference source,
    LocalDate activityDate,
    String description,
    Qualifying qualifying,
    LocalDate expiresOn) {

  public static final int MAX_DESCRIPTION = 200;

  public PostMiles {
    Objects.requireNonNull(member, "member is required");
    Objects.requireNonNull(type, "type is required");
    Objects.requireNonNull(source, "source reference is required");
    Objects.requireNonNull(activityDate, "activity date is required");
    qualifying = qualifying == null ? Qualifying.NONE : qualifying;
    if (!qualifying.isNone()
        && !(type == EntryType.CREDIT && qualifying.signum() > 0)
        && !(type == EntryType.REVERSAL && qualifying.signum() < 0)) {
      throw new IllegalArgumentException(
          "only a CREDIT (positive) or a REVERSAL (negative) carries qualifying activity");
    }
    source.requireCallerChosen();
    if (!type.isDirectlyPostable()) {
      throw new IllegalArgumentException(type + " entries cannot be posted directly");
    }
    if (miles == 0) {
      throw new IllegalArgumentException("miles must not be zero");
    }
    if (type.balanceSign() != 0 && Long.signum(miles) != type.balanceSign()) {
      throw new IllegalArgumentException(
          type + " must be " + (type.balanceSign() > 0 ? "positive" : "negative"));
    }
    if (Math.abs(miles) > 100_000_000L) {
      throw new IllegalArgumentException("miles beyond 100,000,000 in one entry are not plausible");
    }
    if (expiresOn != null && miles < 0) {
      throw new IllegalArgumentException("only a posting that adds miles may set their expiry");
    }
    description = description == null ? "" : description.strip();
    if (description.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException(
          "description must be at most " + MAX_DESCRIPTION + " characters");
    }
  }

  /** An entry whose expiry lot (if it adds miles) follows the expiry policy. */
  public PostMiles(
      MemberNumber member,
      EntryType type,
      long miles,
      SourceReference source,
      LocalDate activityDate,
      String description,
      Qualifying qualifying) {
    this(member, type, miles, source, activityDate, description, qualifying, null);
  }

  /** The same posting, its lot ending on {@code lastValidDay} instead of the policy's date. */
  public PostMiles expiringOn(LocalDate lastValidDay) {
    Objects.requireNonNull(lastValidDay, "lastValidDay");
    return new PostMiles(
        member, type, miles, source, activityDate, description, qualifying, lastValidDay);
  }

  /** An entry without qualifying activity. */
  public PostMiles(
      MemberNumber member,
      EntryType type,
      long miles,
      SourceReference source,
      LocalDate activityDate,
      String description) {
    this(member, type, miles, source, activityDate, description, Qualifying.NONE);
  }

  public static PostMiles credit(
      MemberNumber member, long miles, String source, LocalDate date, String description) {
    return new PostMiles(
        member, EntryType.CREDIT, miles, SourceReference.of(source), date, description);
  }

  public static PostMiles debit(
      MemberNumber member, long miles, String source, LocalDate date, String description) {
    return new PostMiles(
        member, EntryType.DEBIT, -Math.abs(miles), SourceReference.of(source), date, description);
  }
}
