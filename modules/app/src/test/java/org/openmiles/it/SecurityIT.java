package org.openmiles.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openmiles.app.security.AccessMatrix;
import org.openmiles.app.security.AccessMatrix.Grant;
import org.openmiles.app.security.AccessMatrix.Operation;
import org.openmiles.common.security.ApiRoles;

/**
 * Who gets in, tried as an attacker would against the real WAR: every operation the server
 * publishes in {@code /openapi} is called with no token, with a token of each API role, and (for
 * own-resource rules) for another partner's resource, and the answers are compared with the
 * declared access matrix; bad tokens (expired, forged, wrong audience, {@code alg: none}) get 401
 * problem+json; path tricks that once opened the console as Admin with an API token are refused;
 * and the recorded principal of a change is the token's subject.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.openmiles();
  }

  @ArquillianResource URL url;

  private record Answer(int status, String contentType, String body) {
    boolean problem() {
      return contentType.startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status
          + " "
          + contentType
          + " "
          + (body.length() > 300 ? body.substring(0, 300) : body);
    }
  }

  @Test
  void everyPublishedOperationAnswersEachRoleAsTheAccessMatrixSays() throws Exception {
    AccessMatrix matrix = AccessMatrix.load();
    Map<Operation, JsonObject> published = published();
    assertThat(published.keySet())
        .as("operations in /openapi and rows of the access matrix")
        .containsExactlyInAnyOrderElementsOf(matrix.operations());

    Map<String, String> tokens = new LinkedHashMap<>();
    for (String role : new TreeSet<>(ApiRoles.ALL)) {
      tokens.put(
          role, Tokens.mint(role.equals(ApiRoles.PARTNER) ? "DEMO_HOTEL" : "sec-" + role, role));
    }
    List<String> wrong = new ArrayList<>();
    int calls = 0;
    for (var e : published.entrySet()) {
      Operation op = e.getKey();
      List<Grant> grants = matrix.grants(op).orElseThrow();
      String path = sample(op.path(), "DEMO_HOTEL");
      Answer none = call(op.method(), path, null);
      calls++;
      if (none.status() != 401 || !none.problem()) {
        wrong.add(op + " without a token: " + none);
      }
      for (var t : tokens.entrySet()) {
        String role = t.getKey();
        Grant grant = grants.stream().filter(g -> g.role().equals(role)).findFirst().orElse(null);
        Answer a = call(op.method(), path, t.getValue());
        calls++;
        boolean allowed = grant != null;
        if (a.status() >= 500) {
          wrong.add(op + " as " + role + ": " + a);
        } else if (allowed && (a.status() == 401 || a.status() == 403)) {
          wrong.add(op + " as " + role + " should be allowed: " + a);
        } else if (!allowed && (a.status() != 403 || !a.problem())) {
          wrong.add(op + " as " + role + " should be 403 problem+json: " + a);
        }
        if (grant != null && grant.own()) {
          // another partner's resource
          Answer other = call(op.method(), sample(op.path(), "OTHER_PARTNER"), t.getValue());
          calls++;
          if (other.status() != 403) {
            wrong.add(op + " as " + role + " for another partner's resource: " + other);
          }
        }
      }
    }
    assertThat(wrong)
        .as("answers that differ from the access matrix (of " + calls + " calls)")
        .isEmpty();
  }

  @Test
  void badTokensGetAProblemAndAreNeverTrusted() {
    String member = "members?name=a";
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("expired", Tokens.mint("sec-expired", "back-office", "--ttl", "-300"));
    bad.put("forged", Tokens.forged("sec-forged", "back-office"));
    bad.put("wrong audience", Tokens.mint("sec-aud", "back-office", "--audience", "another-api"));
    bad.put(
        "wrong issuer", Tokens.mint("sec-iss", "back-office", "--issuer", "https://evil.example"));
    bad.put("alg none", Tokens.unsigned("sec-none", "back-office"));
    bad.put("garbage", "not.a.token");
    for (var e : bad.entrySet()) {
      Answer a = call("GET", "/api/v1/" + member, e.getValue());
      assertThat(a.status()).as(e.getKey() + ": " + a).isEqualTo(401);
      assertThat(a.problem()).as(e.getKey() + ": " + a).isTrue();
      assertThat(a.body()).contains("\"code\":\"UNAUTHENTICATED\"");
    }
    // the good token of the same shape is accepted
    assertThat(call("GET", "/api/v1/" + member, Tokens.mint("sec-good", "back-office")).status())
        .isEqualTo(200);
  }

  @Test
  void aTokenNeverOpensTheConsoleWhateverThePathOrGroups() {
    String admin = Tokens.mint("sec-engine", "booking-engine,ADMIN,SUPERVISOR,AGENT");
    for (String trick :
        List.of(
            "/api/%2e%2e/console/users.xhtml",
            "/api/%2E%2E/console/users.xhtml",
            "/api/../console/users.xhtml",
            "/api/./../console/users.xhtml",
            "/api/v1/..%2f..%2fconsole/users.xhtml",
            "/api/v1/%2e%2e/%2e%2e/console/audit.xhtml")) {
      Answer a = call("GET", trick, admin);
      assertThat(a.status()).as(trick + ": " + a).isEqualTo(400);
      assertThat(a.body()).as(trick).contains("UNSAFE_PATH").doesNotContain("Users");
    }
    // the plain console page with a bearer token: the login page, not the page
    Answer console = call("GET", "/console/users.xhtml", admin);
    assertThat(console.status()).as(console.toString()).isIn(302, 303);
    // console roles in a token are dropped: ADMIN alone is no API role either
    Answer onlyAdmin = call("GET", "/api/v1/members?name=a", Tokens.mint("sec-admin", "ADMIN"));
    assertThat(onlyAdmin.status()).as(onlyAdmin.toString()).isEqualTo(403);
  }

  @Test
  void aBookingEngineNeitherReadsNorReleasesHoldsNorReadsMembers() {
    Api staff = new Api(url);
    String m = staff.enroll("Holder");
    assertThat(staff.credit(m, 5_000, "sec-" + Api.unique()).status()).isEqualTo(201);
    String ref = "sec-hold-" + Api.unique();
    assertThat(staff.hold(m, 1_000, ref, 600).status()).isEqualTo(201);
    Api engine = staff.as("sec-engine-h", ApiRoles.BOOKING_ENGINE);
    assertThat(engine.get("holds/" + ref).status()).isEqualTo(403);
    assertThat(engine.post("holds/" + ref + "/release", null).status()).isEqualTo(403);
    assertThat(engine.get("members/" + m).status()).isEqualTo(403);
    assertThat(staff.get("holds/" + ref).str("status")).isEqualTo("ACTIVE");
    // an auditor reads, and changes nothing
    Api auditor = staff.as("sec-auditor", ApiRoles.AUDITOR);
    assertThat(auditor.get("members/" + m).status()).isEqualTo(200);
    assertThat(auditor.post("holds/" + ref + "/release", null).status()).isEqualTo(403);
    assertThat(auditor.credit(m, 1, "sec-" + Api.unique()).status()).isEqualTo(403);
  }

  // --- plumbing

  /** Every operation /openapi publishes under /api, with its OpenAPI description. */
  private Map<Operation, JsonObject> published() throws Exception {
    Answer doc = call("GET", "/openapi", null, "application/json", Duration.ofSeconds(120));
    assertThat(doc.status()).as(doc.toString()).isEqualTo(200);
    JsonObject paths =
        Json.createReader(new StringReader(doc.body())).readObject().getJsonObject("paths");
    Map<Operation, JsonObject> ops = new LinkedHashMap<>();
    Set<String> methods = Set.of("get", "post", "put", "patch", "delete");
    for (String p : paths.keySet()) {
      if (!p.startsWith("/api/")) {
        continue;
      }
      for (String m : paths.getJsonObject(p).keySet()) {
        if (methods.contains(m)) {
          ops.put(
              new Operation(m, p.substring("/api".length())),
              paths.getJsonObject(p).getJsonObject(m));
        }
      }
    }
    return ops;
  }

  /** A concrete path for a template: {code} is the partner code given, other parameters "1". */
  private static String sample(String template, String partner) {
    return "/api" + template.replace("{code}", partner).replaceAll("\\{[^}]+}", "1");
  }

  private Answer call(String method, String path, String token) {
    return call(method, path, token, "application/json", Duration.ofSeconds(60));
  }

  private Answer call(String method, String path, String token, String accept, Duration timeout) {
    String root = url.toString().replaceAll("/+$", "");
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(root + path)).timeout(timeout).header("Accept", accept);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    boolean body = !method.equals("GET") && !method.equals("DELETE");
    // a body that is not JSON: an allowed call is refused after the access check, changing nothing
    b.method(
        method,
        body ? HttpRequest.BodyPublishers.ofString("{") : HttpRequest.BodyPublishers.noBody());
    if (body) {
      b.header("Content-Type", "application/json").header("Idempotency-Key", "sec-" + Api.unique());
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(method + " " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
