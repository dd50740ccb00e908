package org.openmiles.common.web;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.openmiles.common.Dates;

/**
 * The JSON binding of request bodies, stricter than the default where the default loses
 * information: a whole-number field ({@code Long}, {@code Integer}) takes only a whole number
 * ({@code "miles":1.5} used to become 1) in range, and a date field only {@code yyyy-MM-dd} between
 * 1900 and 2999 ({@link Dates}). A refusal is {@code 400 INVALID_JSON_VALUE} naming the problem
 * ({@link WebApplicationExceptionMapper}). Writing is unchanged.
 */
@Provider
public class StrictJsonb implements ContextResolver<Jsonb> {
  /** The strict binding, built once (a Jsonb is thread-safe and costly to build). */
  static final Jsonb STRICT =
      JsonbBuilder.create(
          new JsonbConfig().withDeserializers(new WholeLong(), new WholeInteger(), new Day()));

  /**
   * The answer to a body that could not be bound: {@code 400 INVALID_JSON_VALUE} with the strict
   * reader's reason if it refused a value, else {@code 400 MALFORMED_REQUEST}. The binding's own
   * messages are never echoed: they name Java classes ({@code No enum constant org.openmiles...}).
   */
  public static jakarta.ws.rs.core.Response unreadable(Throwable failure, String path) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof Refused r) {
        return Problems.response(
            400,
            "INVALID_JSON_VALUE",
            "Invalid JSON value",
            "A value in the body was refused: " + r.getMessage() + ".",
            path,
            java.util.Map.of());
      }
    }
    return Problems.response(
        400,
        "MALFORMED_REQUEST",
        "Malformed request",
        "The request body could not be read as JSON of the expected shape: check the syntax, the"
            + " field types and the allowed values in the API description (/openapi).",
        path,
        java.util.Map.of());
  }

  @Override
  public Jsonb getContext(Class<?> type) {
    return STRICT;
  }

  /** A value a strict reader refused; its message is for the caller. */
  public static final class Refused extends JsonbException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private static final java.util.regex.Pattern WHOLE =
      java.util.regex.Pattern.compile("-?\\d{1,30}");

  /**
   * The whole number the parser stands on, from its text: no fraction ({@code 1.5}, {@code 2.0}),
   * no exponent ({@code 1e2}). Yasson's parser does not implement {@code currentEvent()}, and the
   * text is what the client sent.
   */
  static BigDecimal whole(JsonParser p, String what) {
    return whole(p.getValue(), what);
  }

  /** The whole number {@code v} is, by the same rules; null for JSON null. */
  static BigDecimal whole(JsonValue v, String what) {
    if (v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    String text =
        v instanceof JsonString str
            ? str.getString()
            : v.getValueType() == JsonValue.ValueType.NUMBER ? v.toString() : null;
    if (text == null) {
      throw new Refused("a " + what + " must be a JSON number");
    }
    if (!WHOLE.matcher(text).matches()) {
      throw new Refused(text + " is not a whole number");
    }
    return new BigDecimal(text);
  }

  static final class WholeLong implements JsonbDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctx, Type type) {
      try {
        BigDecimal n = whole(p, "whole number");
        return n == null ? null : n.longValueExact();
      } catch (ArithmeticException e) {
        throw new Refused("a whole number is out of range");
      }
    }
  }

  static final class WholeInteger implements JsonbDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctx, Type type) {
      try {
        BigDecimal n = whole(p, "whole number");
        return n == null ? null : n.intValueExact();
      } catch (ArithmeticException e) {
        throw new Refused("a whole number is out of range");
      }
    }
  }

  static final class Day implements JsonbDeserializer<LocalDate> {
    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctx, Type type) {
      JsonValue v = p.getValue();
      if (v.getValueType() == JsonValue.ValueType.NULL) {
        return null;
      }
      if (!(v instanceof JsonString text)) {
        throw new Refused("a date must be a string yyyy-MM-dd");
      }
      try {
        return Dates.parse(text.getString());
      } catch (IllegalArgumentException e) {
        throw new Refused("a date " + e.getMessage());
      }
    }
  }
}
