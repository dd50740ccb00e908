package org.openmiles.common.web;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * Builds RFC 9457 problem documents. Every error the API returns goes through here, so every error
 * has the same shape: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}
 * and our stable {@code code}.
 */
public final class Problems {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
  private static final String TYPE_PREFIX = "https://openmiles.org/problems/";

  /**
   * Looked up once: every static {@code jakarta.json.Json} method searches for the provider again
   * (a service-loader scan of the class path on Payara), and every refused request builds a problem
   * here.
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  private Problems() {}

  public static int status(ErrorKind kind) {
    return switch (kind) {
      case INVALID_INPUT -> 400;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case BUSINESS_RULE -> 422;
    };
  }

  /**
   * The stable code of a refusal known only by its HTTP status (the REST layer's own, the
   * container's): {@code 404} is {@code RESOURCE_NOT_FOUND}, {@code 414} {@code URI_TOO_LONG}.
   */
  public static String codeFor(int status) {
    return switch (status) {
      case 400 -> "MALFORMED_REQUEST";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "FORBIDDEN";
      case 404 -> "RESOURCE_NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 413 -> "REQUEST_TOO_LARGE";
      case 414 -> "URI_TOO_LONG";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 431 -> "HEADERS_TOO_LARGE";
      case 503 -> "SERVICE_UNAVAILABLE";
      default -> status >= 500 ? "INTERNAL_ERROR" : "REQUEST_REFUSED";
    };
  }

  /** A problem document as JSON text, for answers written outside the REST layer (servlets). */
  public static String document(int status, String code, String detail, String instance) {
    return (String) response(status, code, title(code), detail, instance, Map.of()).getEntity();
  }

  /** The problem answer of a business refusal: its status, stable code and details. */
  public static Response refusal(OpenMilesException e, String instance) {
    return response(
        status(e.kind()), e.code(), title(e.code()), e.getMessage(), instance, e.details());
  }

  public static Response response(
      int status, String code, String title, String detail, String instance, Map<String, ?> extra) {
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("type", TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-'))
            .add("title", title)
            .add("status", status)
            .add("code", code);
    if (detail != null) {
      b.add("detail", detail);
    }
    if (instance != null) {
      b.add("instance", instance);
    }
    extra.forEach((k, v) -> b.add(k, toJson(v)));
    return Response.status(status).type(PROBLEM_JSON).entity(b.build().toString()).build();
  }

  private static jakarta.json.JsonValue toJson(Object v) {
    if (v instanceof Map<?, ?> m) {
      JsonObjectBuilder o = JSON.createObjectBuilder();
      m.forEach((k, val) -> o.add(String.valueOf(k), toJson(val)));
      return o.build();
    }
    if (v instanceof Collection<?> c) {
      var a = JSON.createArrayBuilder();
      c.forEach(e -> a.add(toJson(e)));
      return a.build();
    }
    if (v instanceof Number n) {
      return JSON.createValue(n.longValue());
    }
    if (v instanceof Boolean bool) {
      return bool ? jakarta.json.JsonValue.TRUE : jakarta.json.JsonValue.FALSE;
    }
    return JSON.createValue(String.valueOf(v));
  }

  /** A human title from a code: {@code INSUFFICIENT_MILES} becomes {@code Insufficient miles}. */
  public static String title(String code) {
    String s = code.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
