package org.openmiles.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The answers the edge makes itself ({@code config/edge/errors}, ADR 0029) are whole HTTP responses
 * HAProxy sends byte for byte: each must have the status its name says, a Content-Length that is
 * the body's, and, but for the console's page, a problem document of the API's shape.
 */
class EdgeErrorFilesTest {
  private static final Path ERRORS = repositoryFile("config/edge/errors");

  /**
   * The stable code of each status the edge answers (docs/api.md, error codes); those the
   * application also gives are the application's codes for the same status.
   */
  private static final Map<Integer, String> CODES =
      Map.ofEntries(
          Map.entry(400, "MALFORMED_REQUEST"),
          Map.entry(403, "FORBIDDEN"),
          Map.entry(405, "METHOD_NOT_ALLOWED"),
          Map.entry(408, "REQUEST_TIMEOUT"),
          Map.entry(413, "REQUEST_TOO_LARGE"),
          Map.entry(500, "INTERNAL_ERROR"),
          Map.entry(501, "NOT_IMPLEMENTED"),
          Map.entry(502, "BAD_GATEWAY"),
          Map.entry(503, "SERVICE_UNAVAILABLE"),
          Map.entry(504, "GATEWAY_TIMEOUT"));

  static Stream<Path> responses() throws IOException {
    try (Stream<Path> files = Files.list(ERRORS)) {
      return files.filter(f -> f.toString().endsWith(".http")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responses")
  void eachIsAWholeResponseWithItsStatusAndLength(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    assertThat(end).as("head and body separated by CRLF CRLF").isPositive();
    String head = text.substring(0, end);
    String body = text.substring(end + 4);
    List<String> lines = head.lines().toList();
    assertThat(head.replace("\r\n", "")).as("every head line ends in CRLF").doesNotContain("\n");
    String name = file.getFileName().toString().replace(".http", "");
    int status = Integer.parseInt(lines.get(0).substring(9, 12));
    if (name.matches("[0-9]{3}")) {
      assertThat(status).isEqualTo(Integer.parseInt(name));
    }
    assertThat(header(lines, "Content-Length"))
        .isEqualTo(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
    assertThat(header(lines, "Cache-Control")).isEqualTo("no-store");
    if (name.startsWith("console")) {
      assertThat(header(lines, "Content-Type")).startsWith("text/html");
      assertThat(body).contains("<html").contains("</html>");
      return;
    }
    assertThat(header(lines, "Content-Type")).isEqualTo("application/problem+json");
    JsonObject problem = Json.createReader(new StringReader(body)).readObject();
    assertProblem(problem, status);
    assertThat(problem.getString("code")).isEqualTo(CODES.get(status));
  }

  @Test
  void theBodiesTheEdgeReturnsInlineAreProblemsToo() throws IOException {
    JsonObject method = read("405.json");
    assertProblem(method, 405);
    assertThat(method.getString("code")).isEqualTo(CODES.get(405));
    JsonObject malformed = read("malformed-uri.json");
    assertProblem(malformed, 400);
    assertThat(malformed.getString("code")).isEqualTo("MALFORMED_URI");
  }

  @Test
  void noInstanceReadyTellsWhenToAskAgain() throws IOException {
    assertThat(Files.readString(ERRORS.resolve("503.http"))).contains("\r\nRetry-After: 5\r\n");
    assertThat(Files.readString(ERRORS.resolve("405.http"))).contains("\r\nAllow: GET, HEAD, POST");
  }

  private static void assertProblem(JsonObject problem, int status) {
    String code = problem.getString("code");
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("type"))
        .isEqualTo(
            "https://openmiles.org/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    // the application's titles: the code in words (Problems.title)
    String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
    assertThat(problem.getString("title"))
        .isEqualTo(Character.toUpperCase(words.charAt(0)) + words.substring(1));
    assertThat(problem.getString("detail")).isNotBlank();
  }

  private static JsonObject read(String name) throws IOException {
    return Json.createReader(new StringReader(Files.readString(ERRORS.resolve(name)))).readObject();
  }

  private static String header(List<String> lines, String name) {
    return lines.stream()
        .filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
        .map(l -> l.substring(name.length() + 1).strip())
        .findFirst()
        .orElse("");
  }

  private static Path repositoryFile(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
