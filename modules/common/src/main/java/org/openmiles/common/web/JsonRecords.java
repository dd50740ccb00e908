package org.openmiles.common.web;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.openmiles.common.Validator;

/**
 * Binds a JSON object to a {@link JsonRequest} record one component at a time with the strict
 * JSON-B binding ({@link StrictJsonb}), so that a wrong value is a field error naming its field,
 * not a failure of the whole body. Stricter than plain JSON-B where it would guess: a text field
 * takes only a JSON string ({@code "quoteToken":5} is not {@code "5"}), a whole number only a JSON
 * number ({@code "miles":"2000"} is refused), a list of text only strings, a {@code JsonObject}
 * only an object (its members as sent). Absent and {@code null} fields are {@code null}; unknown
 * fields are ignored.
 */
public final class JsonRecords {
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final Set<Type> WHOLE = Set.of(Long.class, Integer.class, long.class, int.class);

  private JsonRecords() {}

  /**
   * The record of {@code text} (a blank body is an empty object).
   *
   * @throws org.openmiles.common.ValidationException with every field error, the record's own
   *     {@link JsonRequest#validate} included
   * @throws JsonException if the text is not a JSON object (answered {@code MALFORMED_REQUEST})
   */
  public static <R extends JsonRequest> R read(String text, Class<R> type) {
    JsonObject body = object(text);
    Validator v = new Validator();
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      values[i] = v.check(c.getName(), () -> value(body.get(c.getName()), c.getGenericType()));
    }
    v.throwIfInvalid();
    R request = construct(type, types, values);
    request.validate(v);
    v.throwIfInvalid();
    return request;
  }

  /** The body as an object; a blank body is an empty object. */
  public static JsonObject object(String text) {
    if (text == null || text.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader r = JSON.createReader(new StringReader(text))) {
      JsonValue v = r.readValue();
      if (v.getValueType() != ValueType.OBJECT) {
        throw new JsonException("the body must be a JSON object");
      }
      return v.asJsonObject();
    }
  }

  /** One field's value; an {@link IllegalArgumentException} says why it is refused. */
  static Object value(JsonValue json, Type type) {
    if (json == null || json.getValueType() == ValueType.NULL) {
      return null;
    }
    if (type == String.class) {
      return text(json, "must be a string");
    }
    if (type instanceof Class<?> c && c.isEnum()) {
      return enumValue(c, text(json, "must be a string"));
    }
    if (WHOLE.contains(type)) {
      return whole(json, type);
    }
    if (type == JsonObject.class) {
      if (json.getValueType() != ValueType.OBJECT) {
        throw new IllegalArgumentException("must be a JSON object");
      }
      return json.asJsonObject();
    }
    if (isListOfText(type)
        && (json.getValueType() != ValueType.ARRAY
            || !json.asJsonArray().stream().allMatch(e -> e instanceof JsonString))) {
      throw new IllegalArgumentException("must be an array of strings");
    }
    try {
      return StrictJsonb.STRICT.fromJson(json.toString(), type);
    } catch (JsonbException e) {
      throw new IllegalArgumentException("has a wrong type or value");
    }
  }

  /**
   * A JSON number without fraction or exponent, in the type's range, as {@link StrictJsonb} reads
   * it (its deserializers do not apply to a value bound on its own).
   */
  private static Object whole(JsonValue json, Type type) {
    try {
      if (json.getValueType() != ValueType.NUMBER) {
        throw new ArithmeticException();
      }
      BigDecimal n = StrictJsonb.whole(json, "whole number");
      // not one conditional expression: it would widen the int to a long, which an Integer
      // component refuses
      if (type == Long.class || type == long.class) {
        return n.longValueExact();
      }
      return n.intValueExact();
    } catch (ArithmeticException | StrictJsonb.Refused e) {
      throw new IllegalArgumentException("must be a whole number");
    }
  }

  private static String text(JsonValue json, String refusal) {
    if (json instanceof JsonString s) {
      return s.getString();
    }
    throw new IllegalArgumentException(refusal);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> type, String name) {
    return Enum.valueOf((Class) type, name); // the Validator words "No enum constant" for callers
  }

  private static boolean isListOfText(Type type) {
    return type instanceof ParameterizedType p
        && p.getRawType() == List.class
        && p.getActualTypeArguments()[0] == String.class;
  }

  private static <R> R construct(Class<R> type, Class<?>[] types, Object[] values) {
    try {
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " cannot be built from its record components", e);
    }
  }
}
