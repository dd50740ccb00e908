package org.openmiles.common.web;

import jakarta.annotation.Priority;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Strict input at the door of every API operation, before anything reads it: a JSON body with a key
 * twice in one object ({@code {"miles":1,"miles":100000000}}: which one would count?) is refused
 * {@code 400 DUPLICATE_JSON_KEY}; a control character (NUL and the other C0 controls but tab, line
 * feed and carriage return, and DEL) in a JSON string or key, or in a path or query parameter, is
 * refused {@code 400 CONTROL_CHARACTER}; a JSON body over {@value #MAX_BYTES} bytes {@code 413
 * REQUEST_TOO_LARGE}. Syntax errors are left to the operation's own reading ({@code
 * MALFORMED_REQUEST}).
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class StrictJson implements ContainerRequestFilter {
  /** The largest JSON body the API takes (a batch of 1,000 postings is about 200 KB). */
  public static final int MAX_BYTES = 1 << 20;

  private static final JsonProvider JSON = JsonProvider.provider();

  /** Why a request was refused: its code, status and what to tell the caller. */
  record Refusal(int status, String code, String detail) {}

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    Optional<Refusal> refusal =
        parameters(request.getUriInfo().getPathParameters())
            .or(() -> parameters(request.getUriInfo().getQueryParameters()));
    if (refusal.isEmpty() && request.hasEntity() && isJson(request.getMediaType())) {
      byte[] body = read(request.getEntityStream());
      if (body.length > MAX_BYTES) {
        refusal =
            Optional.of(
                new Refusal(
                    413,
                    "REQUEST_TOO_LARGE",
                    "A JSON body may be at most " + MAX_BYTES + " bytes."));
      } else {
        refusal = body(body);
        request.setEntityStream(new ByteArrayInputStream(body));
      }
    }
    refusal.ifPresent(
        r ->
            request.abortWith(
                Problems.response(
                    r.status(),
                    r.code(),
                    Problems.title(r.code()),
                    r.detail(),
                    "/" + request.getUriInfo().getPath(),
                    Map.of())));
  }

  /** The refusal of a JSON body, if any. */
  static Optional<Refusal> body(byte[] json) {
    Deque<Set<String>> objects = new ArrayDeque<>();
    try (JsonParser p = JSON.createParser(new ByteArrayInputStream(json))) {
      while (p.hasNext()) {
        switch (p.next()) {
          case START_OBJECT -> objects.push(new HashSet<>());
          case END_OBJECT -> objects.pop();
          case KEY_NAME -> {
            String key = p.getString();
            if (hasControl(key)) {
              return Optional.of(control("a JSON key"));
            }
            if (!objects.isEmpty() && !objects.peek().add(key)) {
              return Optional.of(
                  new Refusal(
                      400,
                      "DUPLICATE_JSON_KEY",
                      "The key \"" + key + "\" appears twice in one object; send it once."));
            }
          }
          case VALUE_STRING -> {
            if (hasControl(p.getString())) {
              return Optional.of(control("a JSON string"));
            }
          }
          default -> {
            // numbers, booleans, null and arrays need no check here
          }
        }
      }
    } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
      return Optional.empty(); // not JSON: the operation answers MALFORMED_REQUEST
    }
    return Optional.empty();
  }

  private static Optional<Refusal> parameters(MultivaluedMap<String, String> params) {
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      for (String v : e.getValue()) {
        if (hasControl(v)) {
          return Optional.of(control("the parameter " + e.getKey()));
        }
      }
    }
    return Optional.empty();
  }

  private static Refusal control(String where) {
    return new Refusal(
        400,
        "CONTROL_CHARACTER",
        "A control character (such as NUL) is in "
            + where
            + "; send text without control characters.");
  }

  /** Whether {@code s} has a C0 control other than tab, line feed, carriage return, or DEL. */
  static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  private static boolean isJson(MediaType type) {
    return type != null
        && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
            || type.getSubtype().endsWith("+json"));
  }

  private static byte[] read(InputStream in) throws IOException {
    return in.readNBytes(MAX_BYTES + 1);
  }
}
