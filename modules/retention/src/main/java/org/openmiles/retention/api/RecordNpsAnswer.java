package org.openmiles.retention.api;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.ValidationException;

/**
 * One NPS survey answer, from the API or a survey-results file: the survey tool's answer id (its
 * idempotency key, 1-64 of {@code A-Z a-z 0-9 . _ : -}), the member, the score 0-10, an optional
 * comment (at most 2,000 characters), the touchpoint, optionally the flight ({@code VN243}) and
 * route ({@code SGN-HAN}), and when it was answered. The constructor checks every field.
 */
public record RecordNpsAnswer(
    String answerId,
    MemberNumber member,
    int score,
    String comment,
    Touchpoint touchpoint,
    String flight,
    String route,
    Instant answeredAt) {
  public static final int MAX_COMMENT = 2000;
  private static final Pattern FLIGHT = Pattern.compile("[A-Z0-9]{2}[0-9]{1,4}[A-Z]?");
  private static final Pattern ROUTE = Pattern.compile("[A-Z]{3}-[A-Z]{3}");

  public RecordNpsAnswer {
    if (!EngagementReferences.isValidActionId(answerId)) {
      throw ValidationException.of("answerId", "must be 1 to 64 of A-Z a-z 0-9 . _ : -");
    }
    Objects.requireNonNull(member, "member");
    if (score < 0 || score > 10) {
      throw new ScoreOutOfRangeException("an NPS score is 0 to 10, not " + score);
    }
    Objects.requireNonNull(touchpoint, "touchpoint");
    comment = comment == null || comment.isBlank() ? null : comment.strip();
    if (comment != null && comment.length() > MAX_COMMENT) {
      throw ValidationException.of("comment", "must be at most " + MAX_COMMENT + " characters");
    }
    flight = flight == null || flight.isBlank() ? null : flight.strip();
    if (flight != null && !FLIGHT.matcher(flight).matches()) {
      throw ValidationException.of("flight", "must be a carrier and flight number such as VN243");
    }
    route = route == null || route.isBlank() ? null : route.strip();
    if (route != null && !ROUTE.matcher(route).matches()) {
      throw ValidationException.of("route", "must be two airport codes such as SGN-HAN");
    }
    if (answeredAt == null) {
      throw ValidationException.of("answeredAt", "is required (ISO-8601 with offset)");
    }
  }
}
