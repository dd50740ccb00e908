package org.openmiles.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.common.ValidationException;
import org.openmiles.common.Validator;

/** Field-wise strict binding of request records, through Yasson as Payara runs it. */
class JsonRecordsTest {
  public enum Reason {
    VOLUNTARY,
    INVOLUNTARY
  }

  public record Amount(BigDecimal amount, String currency) {}

  public record Body(String token, Long miles, List<String> tickets, Reason reason, Amount fare)
      implements JsonRequest {
    @Override
    public void validate(Validator v) {
      v.require(miles == null || miles > 0, "miles", "must be positive");
    }
  }

  public record Score(Integer score) implements JsonRequest {}

  @Test
  void anIntegerComponentTakesAWholeNumberInItsRange() {
    assertThat(JsonRecords.read("{\"score\":9}", Score.class).score()).isEqualTo(9);
    assertThatThrownBy(() -> JsonRecords.read("{\"score\":3000000000}", Score.class))
        .isInstanceOf(ValidationException.class);
  }

  private static Map<String, String> errors(String json) {
    try {
      JsonRecords.read(json, Body.class);
    } catch (ValidationException e) {
      return e.fieldErrors();
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void bindsEveryComponentAndIgnoresUnknownFields() {
    Body b =
        JsonRecords.read(
            """
            {"token":"q1","miles":2000,"tickets":["7381234567890"],"reason":"VOLUNTARY",
             "fare":{"amount":"250.00","currency":"USD"},"extra":[1,2]}""",
            Body.class);
    assertThat(b)
        .isEqualTo(
            new Body(
                "q1",
                2000L,
                List.of("7381234567890"),
                Reason.VOLUNTARY,
                new Amount(new BigDecimal("250.00"), "USD")));
    assertThat(JsonRecords.read("{\"fare\":{\"amount\":250.5}}", Body.class).fare().amount())
        .isEqualByComparingTo("250.5");
  }

  @Test
  void aBlankBodyOrNullsAreAbsentFields() {
    assertThat(JsonRecords.read("  ", Body.class))
        .isEqualTo(new Body(null, null, null, null, null));
    assertThat(JsonRecords.read("{\"miles\":null,\"token\":null}", Body.class).miles()).isNull();
  }

  @Test
  void wrongTypesAreFieldErrorsAllAtOnce() {
    assertThat(
            errors(
                "{\"token\":5,\"miles\":\"2000\",\"tickets\":[1],\"reason\":\"LOST\",\"fare\":3}"))
        .containsEntry("token", "must be a string")
        .containsEntry("miles", "must be a whole number")
        .containsEntry("tickets", "must be an array of strings")
        .containsEntry("reason", "is not one of the accepted values")
        .containsKey("fare");
    assertThat(errors("{\"miles\":1.5}")).containsEntry("miles", "must be a whole number");
    assertThat(errors("{\"tickets\":\"7381234567890\"}"))
        .containsEntry("tickets", "must be an array of strings");
  }

  @Test
  void theRecordsOwnChecksRunAfterBinding() {
    assertThat(errors("{\"miles\":-5}")).containsEntry("miles", "must be positive");
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsMalformed() {
    assertThatThrownBy(() -> JsonRecords.read("[1]", Body.class)).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> JsonRecords.read("{not json", Body.class))
        .isInstanceOf(JsonException.class);
  }
}
