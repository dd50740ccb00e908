package org.openmiles.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A small JSON-over-HTTP client for the OpenMiles REST API, as a client would use it. */
public final class Api {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private final HttpClient http =
      HttpClient.newBuilder()
          // HTTP/1.1: Payara's Grizzly can deadlock two request threads on an h2c connection
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String base;
  private final String bearer;

  /** The subject of the default client's token: the back office and operations desk of the ITs. */
  public static final String STAFF = "it-staff";

  /**
   * A client with the token of the ITs' back-office and operations desk (roles {@code back-office}
   * and {@code operations}, subject {@value #STAFF}): what most tests act as.
   */
  public Api(URL deploymentUrl) {
    this(base(deploymentUrl), Tokens.mint(STAFF, "back-office,operations"));
  }

  /** A client that sends no token. */
  public static Api anonymous(URL deploymentUrl) {
    return new Api(base(deploymentUrl), null);
  }

  /** The same server, as {@code subject} with these API roles. */
  public Api as(String subject, String... roles) {
    return withToken(Tokens.mint(subject, String.join(",", roles)));
  }

  private static String base(URL deploymentUrl) {
    String s = deploymentUrl.toString();
    return (s.endsWith("/") ? s : s + "/") + "api/v1/";
  }

  private Api(String base, String bearer) {
    this.base = base;
    this.bearer = bearer;
  }

  /** The same server, sending {@code Authorization: Bearer <token>} with every request. */
  public Api withToken(String token) {
    return new Api(base, token);
  }

  /** A response: status, content type, the parsed JSON body (or NULL) and two headers. */
  public record Res(
      int status, String contentType, JsonValue body, String location, String retryAfter) {
    public JsonObject json() {
      return body.asJsonObject();
    }

    public JsonArray array() {
      return body.asJsonArray();
    }

    public String str(String field) {
      return json().getString(field);
    }

    public long num(String field) {
      return json().getJsonNumber(field).longValue();
    }

    public String code() {
      return json().getString("code");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  public Res get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), null);
  }

  public Res post(String path, String json) {
    return post(path, json, null);
  }

  public Res post(String path, String json, String idempotencyKey) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(b, null);
  }

  /** POST of a non-JSON body (e.g. a text/csv upload); the answer is read as usual. */
  public Res postBody(String path, String contentType, HttpRequest.BodyPublisher body) {
    return send(
        HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(body), null);
  }

  public Res put(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)),
        null);
  }

  public Res delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE(), null);
  }

  public Res patch(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)),
        null);
  }

  /**
   * GET of a platform endpoint outside /api (e.g. /health/ready, /openapi): status and raw body.
   * The first /openapi call builds the document by scanning every module, which takes tens of
   * seconds on a loaded 2-core machine: hence the long time limit.
   */
  public HttpResponse<String> platform(String path) {
    return platform(path, null);
  }

  /** {@link #platform(String)} asking for a media type ({@code /openapi} as JSON, say). */
  public HttpResponse<String> platform(String path, String accept) {
    URI root = URI.create(base).resolve("/");
    HttpRequest.Builder b =
        HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(120));
    if (accept != null) {
      b.header("Accept", accept);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(base + (path.startsWith("/") ? path.substring(1) : path));
  }

  private Res send(HttpRequest.Builder b, Void unused) {
    try {
      if (bearer != null) {
        b.header("Authorization", "Bearer " + bearer);
      }
      HttpResponse<String> r =
          http.send(
              b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      String ct = r.headers().firstValue("Content-Type").orElse("");
      JsonValue body = JsonValue.NULL;
      if (!r.body().isBlank() && ct.contains("json")) {
        try (var reader = Json.createReader(new StringReader(r.body()))) {
          JsonStructure s = reader.read();
          body = s;
        }
      }
      return new Res(
          r.statusCode(),
          ct,
          body,
          r.headers().firstValue("Location").orElse(null),
          r.headers().firstValue("Retry-After").orElse(null));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A unique suffix for names, emails and references within this test run. */
  public static String unique() {
    return Long.toString(System.currentTimeMillis() % 100_000_000L, 36) + SEQ.incrementAndGet();
  }

  /** Enrolls a member with a unique email; returns the member number. */
  public String enroll(String lastName) {
    String u = unique();
    Res r =
        post(
            "members",
            """
            {"firstName":"Test","lastName":"%s","email":"it-%s@example.org","birthDate":"1985-03-04",\
            "country":"VN","marketingConsent":false}"""
                .formatted(lastName, u));
    if (r.status() != 201) {
      throw new IllegalStateException("enrollment failed: " + r);
    }
    return r.str("number");
  }

  public Res credit(String member, long miles, String ref) {
    return credit(member, miles, ref, "2026-01-15");
  }

  public Res credit(String member, long miles, String ref, String activityDate) {
    return post(
        "members/" + member + "/postings",
        """
        {"type":"CREDIT","miles":%d,"sourceReference":"%s","activityDate":"%s","description":"test credit"}"""
            .formatted(miles, ref, activityDate));
  }

  public Res debit(String member, long miles, String ref) {
    return post(
        "members/" + member + "/postings",
        """
        {"type":"DEBIT","miles":%d,"sourceReference":"%s","description":"test debit"}"""
            .formatted(-miles, ref));
  }

  public Res hold(String member, long miles, String ref, long ttlSeconds) {
    return post(
        "members/" + member + "/holds",
        """
        {"miles":%d,"sourceReference":"%s","ttlSeconds":%d}"""
            .formatted(miles, ref, ttlSeconds));
  }

  public Res capture(String ref, long miles) {
    return post("holds/" + ref + "/capture", "{\"miles\":" + miles + "}");
  }

  public Res release(String ref) {
    return post("holds/" + ref + "/release", null);
  }

  public Res balance(String member) {
    return get("members/" + member + "/balance");
  }

  /**
   * The member's balance once it is no longer zero, for a credit that comes after the call that
   * caused it (parked activity credited on enrollment): polled for up to 4 s, 0 if it never came.
   */
  /**
   * The member's balance once it reaches {@code expected} (waiting up to 10 s for the outbox to
   * deliver), else the last balance read: for work that arrives after an answer, where the first
   * non-zero balance is not yet the whole story.
   */
  public long balanceOnceAt(String member, long expected) throws InterruptedException {
    long balance = 0;
    for (int i = 0; i < 100 && balance != expected; i++) {
      Thread.sleep(100);
      balance = balance(member).num("balance");
    }
    return balance;
  }

  public long balanceOnceCredited(String member) throws InterruptedException {
    long balance = 0;
    for (int i = 0; i < 40 && balance == 0; i++) {
      Thread.sleep(100);
      balance = balance(member).num("balance");
    }
    return balance;
  }
}
