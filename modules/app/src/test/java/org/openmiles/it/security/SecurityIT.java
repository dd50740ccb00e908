package org.openmiles.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import org.junit.jupiter.api.Test;
import org.openmiles.app.security.AccessMatrix;
import org.openmiles.app.security.AccessMatrix.Grant;
import org.openmiles.app.security.AccessMatrix.Operation;
import org.openmiles.common.security.ApiRoles;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.ConsoleForms;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.Edge;
import org.openmiles.it.support.ItTls;
import org.openmiles.it.support.SharedServer;
import org.openmiles.it.support.SharedServer.OnSharedServer;
import org.openmiles.it.support.Tokens;

/**
 * Who gets in, tried as an attacker would against the real WAR: every operation the server
 * publishes in {@code /openapi} is called with no token, with a token of each API role, and (for
 * own-resource rules) for another partner's resource, and the answers are compared with the
 * declared access matrix; bad tokens (expired, forged, wrong audience, {@code alg: none}) get 401
 * problem+json; path tricks that once opened the console as Admin with an API token are refused;
 * and the recorded principal of a change is the token's subject. Also over the HTTPS listener (a
 * throwaway certificate, {@link ItTls}): the API, the console login and its {@code Secure} cookie,
 * HSTS; the operations-only metrics and detailed health; and the container's own refusals
 * (over-long address, large headers, malformed escapes) as problem+json or a console page, and
 * TRACE never echoed.
 */
@OnSharedServer
class SecurityIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @SharedServer.Url URL url;

  private record Answer(int status, String contentType, String body, String head) {
    Answer(int status, String contentType, String body) {
      this(status, contentType, body, "");
    }

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
      // the description says who may call it, as the table does
      assertThat(
              e.getValue().getJsonArray("x-openmiles-roles").getValuesAs(JsonString.class).stream()
                  .map(JsonString::getString))
          .as(op + " in /openapi")
          .containsExactlyElementsOf(grants.stream().map(Grant::toString).toList());
      String path = sample(op.path(), "DEMO_HOTEL");
      String type = requestType(e.getValue());
      Answer none = call(op.method(), path, null, type);
      calls++;
      if (none.status() != 401 || !none.problem()) {
        wrong.add(op + " without a token: " + none);
      }
      for (var t : tokens.entrySet()) {
        String role = t.getKey();
        Grant grant = grants.stream().filter(g -> g.role().equals(role)).findFirst().orElse(null);
        Answer a = call(op.method(), path, t.getValue(), type);
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
          Answer other = call(op.method(), sample(op.path(), "OTHER_PARTNER"), t.getValue(), type);
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
    awaitRunsEnded();
  }

  /**
   * The scoring and campaign runs the calls above started end before the test does: no test leaves
   * work running into the next test class (a server stopped during a run marks it FAILED; the
   * console's "Score now" waits for a RUNNING one).
   */
  private static void awaitRunsEnded() throws InterruptedException {
    String running =
        "select (select count(*) from retention.score_run"
            + " where state = 'RUNNING' and requested_by like 'sec-%')"
            + " + (select count(*) from retention.campaign_run"
            + " where state = 'RUNNING' and requested_by like 'sec-%')";
    for (int i = 0; i < 1200 && Db.count(running) > 0; i++) {
      Thread.sleep(100);
    }
    assertThat(Db.count(running)).as("scoring and campaign runs still RUNNING").isZero();
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

  @Test
  void hostileInputIsRefusedWithAStableCodeAndChangesNothing() {
    Api staff = new Api(url);
    String m = staff.enroll("Strict");
    String posting = "members/" + m + "/postings";
    // the same key twice: which amount would count? neither
    Api.Res twice =
        staff.post(
            posting,
            "{\"type\":\"CREDIT\",\"miles\":1,\"miles\":100000000,\"sourceReference\":\"sec-"
                + Api.unique()
                + "\",\"description\":\"x\"}");
    assertThat(twice.status()).as(twice.toString()).isEqualTo(400);
    assertThat(twice.code()).isEqualTo("DUPLICATE_JSON_KEY");
    // a fraction where a whole number belongs is not rounded
    Api.Res fraction =
        staff.post(
            posting,
            "{\"type\":\"CREDIT\",\"miles\":1.5,\"sourceReference\":\"sec-" + Api.unique() + "\"}");
    assertThat(fraction.status()).as(fraction.toString()).isEqualTo(400);
    assertThat(fraction.code()).isEqualTo("INVALID_JSON_VALUE");
    // dates no column holds, and year 1
    Api.Res farFuture =
        staff.post(
            posting,
            "{\"type\":\"CREDIT\",\"miles\":10,\"sourceReference\":\"sec-"
                + Api.unique()
                + "\",\"activityDate\":\"+999999999-12-31\"}");
    assertThat(farFuture.status()).as(farFuture.toString()).isEqualTo(400);
    Api.Res yearOne =
        staff.post(
            "members",
            "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"y1-"
                + Api.unique()
                + "@example.org\",\"birthDate\":\"0001-01-01\",\"country\":\"VN\"}");
    assertThat(yearOne.status()).as(yearOne.toString()).isEqualTo(400);
    Api.Res review = staff.post("tiers/reviews", "{\"periodEnd\":\"+999999999-12-31\"}");
    assertThat(review.status()).as(review.toString()).isEqualTo(400);
    // a NUL in a string or a parameter
    Api.Res nul =
        staff.post(
            posting,
            "{\"type\":\"CREDIT\",\"miles\":10,\"sourceReference\":\"sec-"
                + Api.unique()
                + "\",\"description\":\"a\\u0000b\"}");
    assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
    assertThat(nul.code()).isEqualTo("CONTROL_CHARACTER");
    Api.Res nulQuery = staff.get("members?name=a%00b");
    assertThat(nulQuery.status()).as(nulQuery.toString()).isEqualTo(400);
    assertThat(nulQuery.code()).isEqualTo("CONTROL_CHARACTER");
    assertThat(staff.balance(m).num("balance")).isZero();
    // LIKE wildcards are letters, not wildcards
    for (String wildcard : List.of("%25", "_", "%25%25", "%5C")) {
      Api.Res found = staff.get("members?name=" + wildcard + "&limit=5");
      assertThat(found.status()).as(found.toString()).isEqualTo(200);
      assertThat(found.array()).as("name=" + wildcard).isEmpty();
    }
    // an unknown value names no Java class
    Api.Res status = staff.get("claims?status=NO_SUCH_STATUS");
    assertThat(status.status()).isEqualTo(400);
    assertThat(status.toString()).doesNotContain("org.openmiles", "java.");
    Api.Res entryType =
        staff.post(
            posting,
            "{\"type\":\"GIFT\",\"miles\":10,\"sourceReference\":\"sec-" + Api.unique() + "\"}");
    assertThat(entryType.status()).isEqualTo(400);
    assertThat(entryType.toString()).doesNotContain("org.openmiles", "java.");
  }

  @Test
  void onlyHealthAndTheApiDescriptionArePublicAndHealthNamesNoRoutes() {
    Api nobody = Api.anonymous(url);
    var ready = nobody.platform("/health/ready");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body())
        .contains("routes")
        .doesNotContain("partner-", "DEMO_", "file:", "Started");
    assertThat(nobody.platform("/health/live").statusCode()).isEqualTo(200);
    assertThat(nobody.platform("/metrics").statusCode()).isNotEqualTo(200);
    assertThat(nobody.platform("/metrics/application").statusCode()).isNotEqualTo(200);
    // an unknown API path without a token: 401, not a map of what exists
    assertThat(nobody.get("no-such-thing").status()).isEqualTo(401);
  }

  @Test
  void everyChangeAndEveryRefusalIsInTheAuditTrailUnderTheTokensSubject() {
    Api staff = new Api(url);
    String m = staff.enroll("Audited");
    String desk = "desk-" + Api.unique();
    Api agent = staff.as(desk, ApiRoles.BACK_OFFICE);
    assertThat(agent.credit(m, 700, "sec-" + Api.unique()).status()).isEqualTo(201);
    assertThat(
            Db.count(
                "select count(*) from security.api_audit where subject = ? and roles = 'back-office'"
                    + " and method = 'POST' and operation = '/v1/members/{number}/postings'"
                    + " and path = ? and status = 201",
                desk,
                "/v1/members/" + m + "/postings"))
        .isEqualTo(1);
    // a refusal is recorded too, and reads that succeed are not
    assertThat(agent.post("ledger/jobs/hold-expiry", null).status()).isEqualTo(403);
    assertThat(agent.get("members/" + m).status()).isEqualTo(200);
    assertThat(Db.count("select count(*) from security.api_audit where subject = ?", desk))
        .isEqualTo(2);
    assertThat(
            Db.count(
                "select count(*) from security.api_audit where subject = ? and status = 403"
                    + " and operation = '/v1/ledger/jobs/hold-expiry'",
                desk))
        .isEqualTo(1);
    // the trail is append-only: the application's role has no right to change it (security V2),
    // and the triggers refuse even its owner
    for (String sql :
        List.of(
            "update security.api_audit set subject = 'x' where subject = '" + desk + "'",
            "delete from security.api_audit where subject = '" + desk + "'",
            "truncate security.api_audit")) {
      try {
        Db.update(sql);
        throw new AssertionError("the audit trail took: " + sql);
      } catch (RuntimeException refused) {
        assertThat(refused.toString()).containsAnyOf("permission denied", "append-only");
      }
    }
  }

  @Test
  void theTlsListenerServesTheApiAndTheConsoleWithSecureCookiesAndHsts() throws Exception {
    HttpClient tls = ItTls.client();
    String https = ItTls.base() + url.getPath().replaceAll("/+$", "");
    // the API over TLS: the same answers, plus HSTS, and no server banner
    HttpResponse<String> members =
        send(
            tls,
            HttpRequest.newBuilder(URI.create(https + "/api/v1/members?name=a&limit=1"))
                .header(
                    "Authorization", "Bearer " + Tokens.mint(Api.STAFF, "back-office,operations"))
                .header("Accept", "application/json")
                .GET());
    assertThat(members.statusCode()).as(members.body()).isEqualTo(200);
    assertThat(members.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("max-age=").isNotEqualTo("max-age=0"));
    assertThat(members.headers().firstValue("Server")).isEmpty();
    HttpResponse<String> anonymous =
        send(tls, HttpRequest.newBuilder(URI.create(https + "/api/v1/members?name=a")).GET());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    // the console's login over TLS: every session cookie is Secure (and HttpOnly, SameSite)
    HttpResponse<String> page =
        send(tls, HttpRequest.newBuilder(URI.create(https + "/console/login.xhtml")).GET());
    assertThat(page.statusCode()).isEqualTo(200);
    String pageCookie = sessionCookie(page);
    assertThat(pageCookie).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
    String form = ConsoleForms.loginForm(page.body(), "agent", "agent-demo");
    HttpResponse<String> login =
        send(
            tls,
            HttpRequest.newBuilder(URI.create(https + "/console/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", pageCookie.substring(0, pageCookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(login.statusCode()).as(login.body()).isIn(302, 303);
    assertThat(login.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/console/index.xhtml"));
    String loggedIn = sessionCookie(login);
    assertThat(loggedIn)
        .as("a new session id at login, Secure over TLS")
        .containsIgnoringCase("; Secure")
        .isNotEqualTo(pageCookie);
    HttpResponse<String> index =
        send(
            tls,
            HttpRequest.newBuilder(URI.create(https + "/console/index.xhtml"))
                .header("Cookie", loggedIn.substring(0, loggedIn.indexOf(';')))
                .GET());
    assertThat(index.statusCode()).as("the logged-in agent's page").isEqualTo(200);
    assertThat(index.body()).doesNotContain("login:password");
    // plain HTTP (development) stays: no Secure flag there, and no HSTS
    HttpResponse<String> plain =
        send(HTTP, HttpRequest.newBuilder(URI.create(root() + "/console/login.xhtml")).GET());
    assertThat(sessionCookie(plain)).doesNotContainIgnoringCase("secure");
    assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void metricsAndDetailedHealthAreForOperationsOnly() {
    String metrics = "/api/v1/operations/metrics";
    String health = "/api/v1/operations/health";
    for (String path : List.of(metrics, health)) {
      Answer none = call("GET", path, null);
      assertThat(none.status()).as(path + ": " + none).isEqualTo(401);
      assertThat(none.problem()).isTrue();
      for (String role : List.of(ApiRoles.AUDITOR, ApiRoles.BACK_OFFICE, ApiRoles.PARTNER)) {
        Answer refused = call("GET", path, Tokens.mint("sec-" + role, role));
        assertThat(refused.status()).as(path + " as " + role + ": " + refused).isEqualTo(403);
        assertThat(refused.problem()).isTrue();
      }
    }
    String ops = Tokens.mint("sec-prometheus", ApiRoles.OPERATIONS);
    // Prometheus' own Accept header
    HttpResponse<String> scrape =
        send(
            HTTP,
            HttpRequest.newBuilder(URI.create(root() + metrics))
                .header("Authorization", "Bearer " + ops)
                .header(
                    "Accept",
                    "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
                .GET());
    assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    Map<String, Double> samples = samples(scrape.body());
    assertThat(scrape.body()).contains("# TYPE jvm_memory_used_bytes gauge");
    assertThat(samples.get("jvm_memory_used_bytes{area=\"heap\"}")).isPositive();
    assertThat(samples.get("jvm_threads_live")).isPositive();
    assertThat(samples.get("openmiles_database_up")).isEqualTo(1.0);
    assertThat(samples.get("openmiles_routes")).isPositive();
    assertThat(samples.get("openmiles_routes_started")).isEqualTo(samples.get("openmiles_routes"));
    assertThat(samples).containsKeys("openmiles_files_inbound", "openmiles_holds_overdue");
    // a hold placed now is counted among the active ones
    Api staff = new Api(url);
    String m = staff.enroll("Metrics");
    assertThat(staff.credit(m, 2_000, "sec-" + Api.unique()).status()).isEqualTo(201);
    assertThat(staff.hold(m, 500, "sec-hold-" + Api.unique(), 600).status()).isEqualTo(201);
    assertThat(samples.get("openmiles_holds_active"))
        .isLessThan(scrapeAgain(ops).get("openmiles_holds_active"));
    assertThat(samples.get("openmiles_health_check_up{check=\"database\",kind=\"readiness\"}"))
        .isEqualTo(1.0);
    // the detailed health names what the public one does not: routes and their states
    Answer detailed = call("GET", health, ops);
    assertThat(detailed.status()).as(detailed.toString()).isEqualTo(200);
    JsonObject doc = Json.createReader(new StringReader(detailed.body())).readObject();
    assertThat(doc.getString("status")).isEqualTo("UP");
    Map<String, JsonObject> checks = new LinkedHashMap<>();
    doc.getJsonArray("checks")
        .getValuesAs(JsonObject.class)
        .forEach(c -> checks.put(c.getString("name") + "/" + c.getString("kind"), c));
    assertThat(checks).containsKeys("database/readiness", "routes/readiness", "routes/details");
    JsonObject routes = checks.get("routes/details").getJsonObject("data").getJsonObject("routes");
    assertThat(routes.keySet()).isNotEmpty().allSatisfy(r -> assertThat(r).isNotBlank());
    assertThat(routes.values())
        .allSatisfy(v -> assertThat(((JsonString) v).getString()).isEqualTo("Started"));
    assertThat(checks.get("database/details").getJsonObject("data").getString("connection"))
        .isEqualTo("ok");
  }

  @Test
  void theContainersOwnRefusalsAreProblemsForTheApiAndPagesForTheConsole() {
    String token = Tokens.mint("sec-edge", "back-office");
    String tenK = "a".repeat(10_000);
    String hundredK = "a".repeat(100_000);
    Map<String, Answer> uriTooLong = new LinkedHashMap<>();
    uriTooLong.put("10 KB path", call("GET", "/api/v1/members/" + tenK, token));
    uriTooLong.put("100 KB path", call("GET", "/api/v1/members/" + hundredK, token));
    uriTooLong.put("10 KB query", call("GET", "/api/v1/members?name=" + tenK, token));
    uriTooLong.put("100 KB query", call("GET", "/api/v1/members?name=" + hundredK, token));
    uriTooLong.put("no token", call("GET", "/api/v1/members?name=" + tenK, null));
    uriTooLong.forEach(
        (what, a) -> {
          assertThat(a.status()).as(what + ": " + a).isEqualTo(414);
          assertThat(a.problem()).as(what).isTrue();
          assertThat(a.body()).as(what).contains("\"code\":\"URI_TOO_LONG\"");
        });
    Answer headers =
        exchange(
            authorized("/api/v1/members?name=a", token)
                .header("X-Padding", "p".repeat(20_000))
                .GET());
    assertThat(headers.status()).as(headers.toString()).isEqualTo(431);
    assertThat(headers.problem()).isTrue();
    assertThat(headers.body()).contains("\"code\":\"HEADERS_TOO_LARGE\"");
    Answer badEscape = raw("GET", "/api/v1/members?name=%zz", token);
    assertThat(badEscape.status()).as(badEscape.toString()).isEqualTo(400);
    assertThat(badEscape.body()).contains("\"code\":\"MALFORMED_URI\"");
    // TRACE: refused by the listener itself (an empty 405), in the application and outside it (the
    // server's root: the ITs deploy at a context root), and never echoed with the token
    for (Answer trace :
        List.of(raw("TRACE", "/api/v1/members", token), rawAt("TRACE", "/", token))) {
      assertThat(trace.status()).as(trace.toString()).isEqualTo(405);
      assertThat(trace.body()).doesNotContain(token).doesNotContainIgnoringCase("authorization");
    }
    // the REST layer's own refusals, each with its code
    Map<String, Answer> rest = new LinkedHashMap<>();
    rest.put("METHOD_NOT_ALLOWED", call("DELETE", "/api/v1/members", token));
    rest.put(
        "NOT_ACCEPTABLE",
        exchange(authorized("/api/v1/members?name=a", token).header("Accept", "text/csv").GET()));
    rest.put(
        "UNSUPPORTED_MEDIA_TYPE",
        exchange(
            authorized("/api/v1/members", token)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"A\"}"))));
    rest.put("RESOURCE_NOT_FOUND", call("GET", "/api/v1/no-such-thing", token));
    rest.forEach(
        (code, a) -> {
          assertThat(a.problem()).as(code + ": " + a).isTrue();
          assertThat(a.body()).as(code).contains("\"code\":\"" + code + "\"");
        });
    // the console: its own page with the status, never the server's or an empty body
    Map<String, Answer> console = new LinkedHashMap<>();
    console.put("414", call("GET", "/console/login.xhtml?q=" + tenK, null));
    console.put("400", raw("GET", "/console/login.xhtml?q=%zz", null));
    console.forEach(
        (status, a) -> {
          assertThat(a.status()).as(status + ": " + a).isEqualTo(Integer.parseInt(status));
          assertThat(a.contentType()).as(status).contains("html");
          assertThat(a.body()).as(status).contains("id=\"badRequest\"").doesNotContain("Payara");
        });
  }

  /**
   * The edge (HAProxy, ADR 0029) in front of the server: what Payara Micro's listener answers with
   * an empty body (or, for a malformed escape in the path, an empty 200) is answered there as
   * problem+json; everything else passes through unchanged; the client's address reaches the
   * application as the edge saw it, whatever the client claims.
   */
  @Test
  void theEdgeAnswersWhatNeverReachesTheApplicationAndPassesTheRestThrough() throws Exception {
    String token = Tokens.mint("sec-edge-front", "back-office");
    String context = url.getPath().replaceAll("/+$", "");
    try (Edge edge = Edge.inFrontOf(url, "2s")) {
      Answer escape = rawOn(edge.port, "GET", context + "/api/v1/members/%zz", token, "");
      assertThat(escape.status()).as(escape.toString()).isEqualTo(400);
      assertThat(escape.problem()).as(escape.toString()).isTrue();
      assertThat(escape.body()).contains("\"code\":\"MALFORMED_URI\"");
      for (String method : List.of("TRACE", "PROPFIND", "PURGE")) {
        Answer refused = rawOn(edge.port, method, context + "/api/v1/members", token, "");
        assertThat(refused.status()).as(method + ": " + refused).isEqualTo(405);
        assertThat(refused.problem()).as(method).isTrue();
        assertThat(refused.head()).as(method).containsIgnoringCase("allow: GET, HEAD, POST");
        assertThat(refused.body())
            .as(method)
            .contains("\"code\":\"METHOD_NOT_ALLOWED\"")
            .doesNotContain(token);
      }
      Answer connect =
          rawLine(edge.port, "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n");
      assertThat(connect.status()).as(connect.toString()).isEqualTo(405);
      assertThat(connect.problem()).isTrue();
      // the application's answers pass through: a read, and its own refusals with their codes
      Answer read = rawOn(edge.port, "GET", context + "/api/v1/members?name=a&limit=1", token, "");
      assertThat(read.status()).as(read.toString()).isEqualTo(200);
      Answer headers =
          rawOn(
              edge.port,
              "GET",
              context + "/api/v1/members?name=a",
              token,
              "X-Padding: " + "p".repeat(20_000) + "\r\n");
      assertThat(headers.status()).as(headers.toString()).isEqualTo(431);
      assertThat(headers.body()).contains("\"code\":\"HEADERS_TOO_LARGE\"");
      // beyond the edge's 32 KiB buffer, and a request line that is no HTTP: refused at the edge
      // (HAProxy 2.6 answers these from its built-in page, not from errors/400.http: haproxy#3032,
      // fixed in 3.2), never passed on, never echoed
      for (Answer bad :
          List.of(
              rawOn(
                  edge.port,
                  "GET",
                  context + "/api/v1/members?name=a",
                  token,
                  "X-Padding: " + "p".repeat(40_000) + "\r\n"),
              rawLine(edge.port, "GARBAGE " + token + "\r\n\r\n"))) {
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body()).isNotBlank().doesNotContain(token).doesNotContain("Payara");
      }
      // a client that takes longer than the edge allows to send its headers
      long started = System.nanoTime();
      Answer slow =
          rawLine(edge.port, "GET " + context + "/api/v1/members HTTP/1.1\r\nHost: x\r\n");
      assertThat(slow.status()).as(slow.toString()).isEqualTo(408);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
      // the console through the edge: one SameSite attribute on the session cookie (Payara Micro
      // writes it twice, payara/Payara#7254), and the edge's own cookie as strict
      HttpResponse<String> page =
          send(
              HTTP,
              HttpRequest.newBuilder(URI.create(edgeRoot(edge) + "/console/login.xhtml")).GET());
      assertThat(page.statusCode()).isEqualTo(200);
      String session = sessionCookie(page);
      assertThat(session.split("(?i)samesite", -1)).as(session).hasSize(2);
      assertThat(session).containsIgnoringCase("SameSite=Strict");
      // the client's address: the edge's word, not the client's claim
      String user = "edge-probe-" + Long.toString(System.nanoTime(), 36);
      // the test server trusts 127.0.0.1 as a proxy (./openmiles test), like an instance behind
      // the edge on its host; the address it is reached at from outside is no proxy
      String loopback = "http://127.0.0.1:" + url.getPort() + url.getPath().replaceAll("/+$", "");
      Map<String, String> roots = new LinkedHashMap<>();
      roots.put("via-edge", edgeRoot(edge));
      roots.put("from-proxy", loopback);
      String outside = java.net.InetAddress.getByName(url.getHost()).getHostAddress();
      if (!java.net.InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
        roots.put("from-outside", root());
      }
      roots.forEach(
          (how, root) -> {
            HttpResponse<String> refused = failedLogin(root, user + "-" + how, "203.0.113.66");
            assertThat(refused.statusCode()).as(how + ": " + refused.body()).isEqualTo(200);
            assertThat(refused.body()).contains("login:password");
          });
      Map<String, String> expected = new LinkedHashMap<>();
      // the edge replaces the client's claim with the address it saw
      expected.put("via-edge", "127.0.0.1");
      // a trusted proxy's word is taken
      expected.put("from-proxy", "203.0.113.66");
      // anyone else's claim is not: their own address counts
      if (roots.containsKey("from-outside")) {
        expected.put("from-outside", outside);
      }
      expected.forEach(
          (how, address) ->
              assertThat(
                      Db.text(
                          "select reason from console.audit_entry where actor = ? and action = 'LOGIN_FAILED'",
                          user + "-" + how))
                  .as(how)
                  .isEqualTo(address));
    }
    // a login form posted without its page's CSP nonce (not from the console's own page): the page
    // to open again, before anything is applied; it once answered 500
    HttpResponse<String> page =
        send(HTTP, HttpRequest.newBuilder(URI.create(root() + "/console/login.xhtml")).GET());
    String cookie = sessionCookie(page);
    HttpResponse<String> noNonce =
        send(
            HTTP,
            HttpRequest.newBuilder(URI.create(root() + "/console/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        ConsoleForms.loginForm(page.body(), "agent", "agent-demo")
                            .replaceAll("&primefaces.nonce=[^&]*", ""))));
    assertThat(noNonce.statusCode()).as(noNonce.body()).isIn(302, 303);
    assertThat(noNonce.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/console/expired.xhtml"));
    // no instance ready: the API gets a problem, the console a page
    try (Edge edge = Edge.inFrontOfNothing()) {
      Answer api = rawOn(edge.port, "GET", "/api/v1/members?name=a", token, "");
      assertThat(api.status()).as(api.toString()).isEqualTo(503);
      assertThat(api.problem()).isTrue();
      assertThat(api.head()).containsIgnoringCase("retry-after:");
      assertThat(api.body()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
      Answer console = rawOn(edge.port, "GET", "/console/index.xhtml", null, "");
      assertThat(console.status()).as(console.toString()).isEqualTo(503);
      assertThat(console.contentType()).startsWith("text/html");
      assertThat(console.body()).contains("id=\"consoleUnavailable\"");
    }
  }

  /**
   * A login with a wrong password, claiming to come from {@code claimedAddress}; the form as the
   * login page sends it, with its view state and its CSP nonce.
   */
  private HttpResponse<String> failedLogin(String root, String user, String claimedAddress) {
    HttpResponse<String> page =
        send(HTTP, HttpRequest.newBuilder(URI.create(root + "/console/login.xhtml")).GET());
    String cookie = sessionCookie(page);
    String form = ConsoleForms.loginForm(page.body(), user, "wrong-password");
    return send(
        HTTP,
        HttpRequest.newBuilder(URI.create(root + "/console/login.xhtml"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
            .header("X-Forwarded-For", claimedAddress)
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private String edgeRoot(Edge edge) {
    return "http://127.0.0.1:" + edge.port + url.getPath().replaceAll("/+$", "");
  }

  // --- plumbing

  /** The operations metrics now, sample by sample (text format). */
  private Map<String, Double> scrapeAgain(String operationsToken) {
    HttpResponse<String> scrape =
        send(HTTP, authorized("/api/v1/operations/metrics", operationsToken).GET());
    assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
    return samples(scrape.body());
  }

  private static Map<String, Double> samples(String text) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int space = line.lastIndexOf(' ');
        samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }
    return samples;
  }

  private String root() {
    return url.toString().replaceAll("/+$", "");
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
    try {
      return client.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request to this server's {@code path} with {@code Authorization: Bearer <token>}. */
  private HttpRequest.Builder authorized(String path, String token) {
    return HttpRequest.newBuilder(URI.create(root() + path))
        .header("Authorization", "Bearer " + token);
  }

  private static Answer exchange(HttpRequest.Builder request) {
    HttpResponse<String> r = send(HTTP, request);
    return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  /**
   * A request written on a socket as given, for what {@link URI} refuses to build (a malformed
   * escape): HTTP/1.1 with {@code Connection: close}, the answer read to its end.
   */
  private Answer raw(String method, String pathAndQuery, String token) {
    return rawAt(method, url.getPath().replaceAll("/+$", "") + pathAndQuery, token);
  }

  /** {@link #raw} for a target as given, outside the application's context root too. */
  private Answer rawAt(String method, String target, String token) {
    return rawOn(url.getPort(), method, target, token, "");
  }

  /** {@link #raw} to a port of this host, with more header lines (each ending in CRLF). */
  private Answer rawOn(int port, String method, String target, String token, String moreHeaders) {
    return rawLine(
        port,
        method
            + " "
            + target
            + " HTTP/1.1\r\nHost: "
            + url.getHost()
            + ":"
            + port
            + "\r\nAccept: application/json\r\nConnection: close\r\n"
            + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
            + moreHeaders
            + "\r\n");
  }

  /** Bytes written on a socket as given; the answer read until the server closes. */
  private Answer rawLine(int port, String request) {
    // the edge listens on 127.0.0.1 only; the test server there as well
    String host = port == url.getPort() ? url.getHost() : "127.0.0.1";
    try (java.net.Socket socket = new java.net.Socket(host, port)) {
      socket.setSoTimeout(60_000);
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      int end = answer.indexOf("\r\n\r\n");
      String head = end < 0 ? answer : answer.substring(0, end);
      String body = end < 0 ? "" : answer.substring(end + 4);
      int status = Integer.parseInt(head.substring(9, 12));
      String type =
          head.lines()
              .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
              .map(l -> l.substring("content-type:".length()).strip())
              .findFirst()
              .orElse("");
      return new Answer(status, type, body, head);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(request.lines().findFirst().orElse("") + ": " + e, e);
    }
  }

  /** The Set-Cookie header of the session cookie (JSESSIONID), whole. */
  private static String sessionCookie(HttpResponse<String> r) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + r.headers().map()));
  }

  @Test
  void everyPublishedOperationDescribesItsErrorAnswersAsProblemDocuments() throws Exception {
    HttpResponse<String> doc = Api.anonymous(url).platform("/openapi", "application/json");
    JsonObject schemas =
        Json.createReader(new StringReader(doc.body()))
            .readObject()
            .getJsonObject("components")
            .getJsonObject("schemas");
    assertThat(schemas.getJsonObject("Problem").getJsonObject("properties").keySet())
        .contains("type", "title", "status", "code", "detail", "incident", "errors");
    List<String> wrong = new ArrayList<>();
    for (var e : published().entrySet()) {
      JsonObject responses = e.getValue().getJsonObject("responses");
      for (String status : List.of("400", "401", "403", "500", "503")) {
        if (!responses.containsKey(status)) {
          wrong.add(e.getKey() + " does not list " + status);
        }
      }
      for (String status : responses.keySet()) {
        if (status.startsWith("4") || status.startsWith("5")) {
          JsonObject content = responses.getJsonObject(status).getJsonObject("content");
          if (content == null
              || !content.containsKey("application/problem+json")
              || !content.toString().contains("#/components/schemas/Problem")) {
            wrong.add(e.getKey() + " " + status + " is not a problem document: " + content);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
    // every operation takes an X-Request-Id and every answer carries one (ADR 0035)
    for (var e : published().entrySet()) {
      if (!e.getValue()
          .getJsonArray("parameters")
          .toString()
          .contains("#/components/parameters/RequestId")) {
        wrong.add(e.getKey() + " does not take X-Request-Id");
      }
      e.getValue()
          .getJsonObject("responses")
          .forEach(
              (status, r) -> {
                JsonObject headers = r.asJsonObject().getJsonObject("headers");
                if (headers == null || !headers.containsKey("X-Request-Id")) {
                  wrong.add(e.getKey() + " " + status + " does not carry X-Request-Id");
                }
              });
    }
    assertThat(wrong).isEmpty();
    HttpResponse<String> refused =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(url.toString().replaceAll("/+$", "") + "/api/v1/holds/x"))
                .header("X-Request-Id", "sec-refused-1")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("X-Request-Id"))
        .as("a refused call carries its id too")
        .hasValue("sec-refused-1");
    // an operation's own refusals are still there, next to the common ones
    JsonObject capture =
        published()
            .get(new Operation("post", "/v1/holds/{ref}/capture"))
            .getJsonObject("responses");
    assertThat(capture.getJsonObject("409").getString("description"))
        .contains("HOLD_ALREADY_RESOLVED");
  }

  /** Every operation /openapi publishes under /api, with its OpenAPI description. */
  private Map<Operation, JsonObject> published() throws Exception {
    HttpResponse<String> doc = Api.anonymous(url).platform("/openapi", "application/json");
    assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
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

  /** The media type an operation's body is declared with in /openapi (JSON if none). */
  private static String requestType(JsonObject operation) {
    JsonObject body = operation.getJsonObject("requestBody");
    JsonObject content = body == null ? null : body.getJsonObject("content");
    return content == null || content.isEmpty()
        ? "application/json"
        : content.keySet().iterator().next();
  }

  private Answer call(String method, String path, String token) {
    return call(method, path, token, "application/json");
  }

  private Answer call(String method, String path, String token, String contentType) {
    URI target = URI.create(url.toString().replaceAll("/+$", "") + path);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    // a body that is not JSON: an allowed call is refused after the access check, changing nothing
    b.method(
        method,
        body ? HttpRequest.BodyPublishers.ofString("{") : HttpRequest.BodyPublishers.noBody());
    if (body) {
      b.header("Content-Type", contentType).header("Idempotency-Key", "sec-" + Api.unique());
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
