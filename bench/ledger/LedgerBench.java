// OpenMiles ledger load generator. JDK 17 only; run as a single-file program:
//
//   java bench/ledger/LedgerBench.java --url http://127.0.0.1:18080 --out results.properties
//
// Phases: enroll members (each gets a seed credit), SINGLE postings (one HTTP request per posting,
// ~10% retries of earlier references that must come back 200 replayed), BATCHED postings
// (/api/v1/ledger/batches), and HOLDS (place a hold, then capture part of it or release it). Every
// phase runs a warm-up first; only requests that complete inside the measured window are counted.
// Results go to --out as key=value lines; progress and errors go to stderr. Exit status 0 even when
// requests failed: the caller reads the error counts from the results.

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class LedgerBench {

  // ---- options -------------------------------------------------------------------------------

  static String url = "http://127.0.0.1:18080";
  static int clients = 16;
  static int seconds = 30;
  static int warmup = 5;
  static int members = 200;
  static int batchClients = 4;
  static int batchSize = 1000;
  static int batchSeconds = -1; // default: seconds
  static int holdSeconds = 10;
  static int retryPercent = 10;
  static int history = 100;
  static int historyHolds = 5;
  static String afterSetup;
  static String runId = Long.toString(System.currentTimeMillis(), 36);
  static Path out;

  static final long SEED_MILES = 1_000_000;
  static final PrintStream LOG = System.err;

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--url" -> url = args[++i];
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--members" -> members = Integer.parseInt(args[++i]);
        case "--batch-clients" -> batchClients = Integer.parseInt(args[++i]);
        case "--batch-size" -> batchSize = Integer.parseInt(args[++i]);
        case "--batch-seconds" -> batchSeconds = Integer.parseInt(args[++i]);
        case "--hold-seconds" -> holdSeconds = Integer.parseInt(args[++i]);
        case "--retry-percent" -> retryPercent = Integer.parseInt(args[++i]);
        case "--run-id" -> runId = args[++i];
        case "--history" -> history = Integer.parseInt(args[++i]);
        case "--history-holds" -> historyHolds = Integer.parseInt(args[++i]);
        case "--after-setup" -> afterSetup = args[++i];
        case "--out" -> out = Path.of(args[++i]);
        case "-h", "--help" -> {
          System.out.println("usage: java LedgerBench.java [--url U] [--clients C] [--seconds T] [--warmup W]"
              + " [--members M] [--batch-clients B] [--batch-size N] [--batch-seconds T] [--hold-seconds T]"
              + " [--retry-percent P] [--history N] [--history-holds N] [--after-setup SHELL-COMMAND] [--run-id ID] [--out FILE]");
          return;
        }
        default -> throw new IllegalArgumentException("unknown option " + a + (v == null ? "" : ""));
      }
    }
    if (batchSeconds < 0) {
      batchSeconds = seconds;
    }
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException("--batch-size must be 1..10000");
    }
    new LedgerBench().run();
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  record Reply(int status, String body) {}

  /** The back-office token bench/lib.sh mints for the run (every /api call needs one). */
  static final String STAFF_TOKEN = System.getenv().getOrDefault("OPENMILES_API_TOKEN", "");

  Reply post(String path, String json) throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + path))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + STAFF_TOKEN);
    b.POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Reply(r.statusCode(), r.body());
  }

  static String str(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"(\\d+)\"");

  static long jsonLong(String body, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?\\d+)").matcher(body);
    return m.find() ? Long.parseLong(m.group(1)) : Long.MIN_VALUE;
  }

  static boolean jsonTrue(String body, String field) {
    return Pattern.compile("\"" + field + "\"\\s*:\\s*true").matcher(body).find();
  }

  // ---- bookkeeping ---------------------------------------------------------------------------

  /** What the database must hold at the end, from the requests that were acknowledged. */
  final AtomicLong expectBalance = new AtomicLong();
  final AtomicLong expectHeld = new AtomicLong();
  final AtomicLong expectEntries = new AtomicLong();
  /** Requests whose outcome is unknown (timeouts, 5xx): the totals above may then be off. */
  final AtomicLong uncertain = new AtomicLong();
  final AtomicLong errors = new AtomicLong();
  final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
  final Map<String, String> results = new LinkedHashMap<>();

  void error(String what, Reply r, Throwable t) {
    errors.incrementAndGet();
    if (r == null || r.status() >= 500) {
      uncertain.incrementAndGet();
    }
    if (errorSamples.size() < 10) {
      String s = what + ": " + (t != null ? t.toString() : r.status() + " " + abbreviate(r.body()));
      errorSamples.add(s);
      LOG.println("  error " + s);
    }
  }

  static String abbreviate(String s) {
    s = s == null ? "" : s.replace('\n', ' ');
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  /** Growable list of latencies in nanoseconds. */
  static final class Lat {
    long[] v = new long[1024];
    int n;

    void add(long x) {
      if (n == v.length) {
        v = Arrays.copyOf(v, n * 2);
      }
      v[n++] = x;
    }
  }

  static double pct(List<Lat> lats, double p) {
    int n = lats.stream().mapToInt(l -> l.n).sum();
    if (n == 0) {
      return Double.NaN;
    }
    long[] all = new long[n];
    int k = 0;
    for (Lat l : lats) {
      System.arraycopy(l.v, 0, all, k, l.n);
      k += l.n;
    }
    Arrays.sort(all);
    int i = (int) Math.ceil(p / 100.0 * n) - 1;
    return all[Math.max(0, Math.min(n - 1, i))] / 1e6;
  }

  /** The measured window of a phase: warm-up first, then {@code seconds} counted. */
  static final class Window {
    final long start;
    final long measureFrom;
    final long end;

    Window(int warmupSeconds, int seconds) {
      start = System.nanoTime();
      measureFrom = start + warmupSeconds * 1_000_000_000L;
      end = measureFrom + seconds * 1_000_000_000L;
    }

    boolean counts(long t0, long t1) {
      return t0 >= measureFrom && t1 <= end;
    }

    boolean running() {
      return System.nanoTime() < end;
    }
  }

  interface Client {
    void run(int id, SplittableRandom rnd) throws Exception;
  }

  void parallel(int n, Client c) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(n);
    SplittableRandom root = new SplittableRandom(42);
    for (int i = 0; i < n; i++) {
      int id = i;
      SplittableRandom rnd = root.split();
      Thread t =
          new Thread(
              () -> {
                try {
                  c.run(id, rnd);
                } catch (Throwable e) {
                  error("client " + id, null, e);
                } finally {
                  done.countDown();
                }
              },
              "bench-" + i);
      t.setDaemon(true);
      t.start();
    }
    done.await();
  }

  // ---- phases --------------------------------------------------------------------------------

  String[] numbers;

  void run() throws Exception {
    LOG.printf("ledger bench %s: %d clients, %d s per phase (+%d s warm-up), %d members%n",
        url, clients, seconds, warmup, members);
    enroll();
    history();
    if (afterSetup != null) {
      LOG.println("running " + afterSetup);
      Process p = new ProcessBuilder("bash", "-c", afterSetup).inheritIO().start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("--after-setup command failed: " + afterSetup);
      }
    }
    single();
    batched();
    if (holdSeconds > 0) {
      holds();
    }
    results.put("expect_balance", Long.toString(expectBalance.get()));
    results.put("expect_held", Long.toString(expectHeld.get()));
    results.put("expect_entries", Long.toString(expectEntries.get()));
    results.put("uncertain", Long.toString(uncertain.get()));
    results.put("errors", Long.toString(errors.get()));
    results.put("member_prefix", "bench-" + runId);
    StringBuilder sb = new StringBuilder();
    results.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    if (out != null) {
      Files.writeString(out, sb.toString());
    } else {
      System.out.print(sb);
    }
    if (!errorSamples.isEmpty()) {
      LOG.println("first errors:");
      errorSamples.forEach(s -> LOG.println("  " + s));
    }
  }

  void enroll() throws Exception {
    long t0 = System.nanoTime();
    numbers = new String[members];
    AtomicInteger next = new AtomicInteger();
    parallel(Math.min(clients, 8), (id, rnd) -> {
      for (int i; (i = next.getAndIncrement()) < members; ) {
        String body =
            "{\"firstName\":\"Bench\",\"lastName\":\"Member " + letters(i) + "\",\"email\":"
                + str("bench-" + runId + "-" + i + "@example.com") + ",\"phone\":\"+8490" + String.format("%07d", i)
                + "\",\"birthDate\":\"1990-01-01\",\"country\":\"VN\",\"marketingConsent\":false}";
        Reply r = post("/api/v1/members", body);
        Matcher m = NUMBER.matcher(r.body());
        if (r.status() != 201 || !m.find()) {
          error("enroll", r, null);
          throw new IllegalStateException("enrollment failed: " + r.status() + " " + abbreviate(r.body()));
        }
        numbers[i] = m.group(1);
        // a seed credit so that holds always find available miles
        String ref = "bench-" + runId + "-seed-" + i;
        Reply p = post("/api/v1/members/" + numbers[i] + "/postings", posting("CREDIT", SEED_MILES, ref));
        if (p.status() != 201) {
          error("seed credit", p, null);
          throw new IllegalStateException("seed credit failed: " + p.status() + " " + abbreviate(p.body()));
        }
        expectBalance.addAndGet(SEED_MILES);
        expectEntries.incrementAndGet();
      }
    });
    for (String n : numbers) {
      if (n == null) {
        throw new IllegalStateException("enrollment did not complete; see the errors above");
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    LOG.printf("enrolled %d members with a seed credit in %.1f s%n", members, s);
    results.put("members", Integer.toString(members));
  }

  /** 0 -> A, 25 -> Z, 26 -> BA: names accept letters only. */
  static String letters(int i) {
    StringBuilder sb = new StringBuilder();
    do {
      sb.insert(0, (char) ('A' + i % 26));
      i /= 26;
    } while (i > 0);
    return sb.toString();
  }

  /**
   * Gives every member {@code history} earlier credits (through the batch API, not measured), so
   * the measured phases run against a ledger that is not empty and whose statistics PostgreSQL has
   * seen (the caller runs ANALYZE through --after-setup).
   */
  void history() throws Exception {
    long total = (long) history * members;
    if (total == 0) {
      return;
    }
    long t0 = System.nanoTime();
    int chunks = (int) ((total + batchSize - 1) / batchSize);
    AtomicInteger next = new AtomicInteger();
    parallel(Math.min(batchClients, chunks), (id, rnd) -> {
      for (int c; (c = next.getAndIncrement()) < chunks; ) {
        StringBuilder sb = new StringBuilder().append("{\"postings\":[");
        long miles = 0;
        int n = 0;
        for (long k = (long) c * batchSize; k < Math.min(total, (long) (c + 1) * batchSize); k++, n++) {
          long m = 1 + rnd.nextInt(5000);
          miles += m;
          sb.append(n > 0 ? "," : "").append("{\"member\":\"").append(numbers[(int) (k % members)])
              .append("\",\"type\":\"CREDIT\",\"miles\":").append(m)
              .append(",\"sourceReference\":\"bench-").append(runId).append("-hist-").append(k)
              .append("\",\"activityDate\":\"2025-06-15\",\"description\":\"bench history\"}");
        }
        Reply r = post("/api/v1/ledger/batches", sb.append("]}").toString());
        if (r.status() != 200 || jsonLong(r.body(), "posted") != n) {
          error("history batch", r, null);
          throw new IllegalStateException("history batch failed: " + r.status() + " " + abbreviate(r.body()));
        }
        expectBalance.addAndGet(miles);
        expectEntries.addAndGet(n);
      }
    });
    LOG.printf("posted %,d history credits in %.1f s%n", total, (System.nanoTime() - t0) / 1e9);
    historyHolds();
  }

  /** {@code historyHolds} placed-and-released holds per member, so the hold table is not empty either. */
  void historyHolds() throws Exception {
    int total = historyHolds * members;
    if (total == 0) {
      return;
    }
    long t0 = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    parallel(clients, (id, rnd) -> {
      for (int k; (k = next.getAndIncrement()) < total; ) {
        String ref = "bench-" + runId + "-hh-" + k;
        long miles = 1 + rnd.nextInt(2000);
        Reply r = post("/api/v1/members/" + numbers[k % members] + "/holds",
            "{\"miles\":" + miles + ",\"sourceReference\":" + str(ref)
                + ",\"ttlSeconds\":86400,\"description\":\"bench history hold\"}");
        if (r.status() != 201) {
          error("history hold", r, null);
          throw new IllegalStateException("history hold failed: " + r.status() + " " + abbreviate(r.body()));
        }
        expectHeld.addAndGet(miles);
        expectEntries.incrementAndGet();
        r = post("/api/v1/holds/" + ref + "/release", null);
        if (r.status() != 200) {
          error("history release", r, null);
          throw new IllegalStateException("history release failed: " + r.status() + " " + abbreviate(r.body()));
        }
        expectHeld.addAndGet(-miles);
        expectEntries.incrementAndGet();
      }
    });
    LOG.printf("placed and released %,d history holds in %.1f s%n", total, (System.nanoTime() - t0) / 1e9);
  }

  static String posting(String type, long miles, String ref) {
    return "{\"type\":\"" + type + "\",\"miles\":" + miles + ",\"sourceReference\":" + str(ref)
        + ",\"activityDate\":\"2026-01-15\",\"description\":\"bench\"}";
  }

  /** One request per posting; ~retryPercent% of the requests replay one of the client's earlier references. */
  void single() throws Exception {
    LOG.printf("SINGLE: %d clients, %d s warm-up + %d s%n", clients, warmup, seconds);
    Window w = new Window(warmup, seconds);
    AtomicLong posted = new AtomicLong();
    AtomicLong replays = new AtomicLong();
    List<Lat> lats = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      lats.add(new Lat());
    }
    parallel(clients, (id, rnd) -> {
      Lat lat = lats.get(id);
      // this client's acknowledged postings, for retries: member index, miles, sequence
      int[] doneMember = new int[1 << 16];
      long[] doneMiles = new long[1 << 16];
      int[] doneSeq = new int[1 << 16];
      int done = 0;
      int seq = 0;
      while (w.running()) {
        boolean retry = done > 0 && rnd.nextInt(100) < retryPercent;
        int member;
        long miles;
        String ref;
        if (retry) {
          int k = rnd.nextInt(Math.min(done, doneMember.length));
          member = doneMember[k];
          miles = doneMiles[k];
          ref = "bench-" + runId + "-s" + id + "-" + doneSeq[k];
        } else {
          member = rnd.nextInt(members);
          miles = 1 + rnd.nextInt(5000);
          ref = "bench-" + runId + "-s" + id + "-" + seq;
        }
        long t0 = System.nanoTime();
        Reply r;
        try {
          r = post("/api/v1/members/" + numbers[member] + "/postings", posting("CREDIT", miles, ref));
        } catch (IOException e) {
          error("single posting", null, e);
          continue;
        }
        long t1 = System.nanoTime();
        boolean counted = w.counts(t0, t1);
        if (retry) {
          if (r.status() == 200 && jsonTrue(r.body(), "replayed")) {
            if (counted) {
              replays.incrementAndGet();
              lat.add(t1 - t0);
            }
          } else {
            error("retry " + ref, r, null);
          }
        } else {
          if (r.status() == 201) {
            expectBalance.addAndGet(miles);
            expectEntries.incrementAndGet();
            int slot = done++ % doneMember.length;
            doneMember[slot] = member;
            doneMiles[slot] = miles;
            doneSeq[slot] = seq;
            if (counted) {
              posted.incrementAndGet();
              lat.add(t1 - t0);
            }
          } else {
            error("posting " + ref, r, null);
          }
          seq++;
        }
      }
    });
    double pps = posted.get() / (double) seconds;
    LOG.printf("SINGLE: %,d new postings + %,d replays in %d s = %,.0f postings/s, p50 %.1f ms, p99 %.1f ms%n",
        posted.get(), replays.get(), seconds, pps, pct(lats, 50), pct(lats, 99));
    results.put("single_clients", Integer.toString(clients));
    results.put("single_seconds", Integer.toString(seconds));
    results.put("single_postings", Long.toString(posted.get()));
    results.put("single_replays", Long.toString(replays.get()));
    results.put("single_pps", String.format("%.1f", pps));
    results.put("single_rps", String.format("%.1f", (posted.get() + replays.get()) / (double) seconds));
    results.put("single_p50_ms", String.format("%.2f", pct(lats, 50)));
    results.put("single_p99_ms", String.format("%.2f", pct(lats, 99)));
  }

  /** Batches of batchSize credits to random members through /api/v1/ledger/batches. */
  void batched() throws Exception {
    LOG.printf("BATCHED: %d clients x %d postings per batch, %d s warm-up + %d s%n",
        batchClients, batchSize, warmup, batchSeconds);
    Window w = new Window(warmup, batchSeconds);
    AtomicLong posted = new AtomicLong();
    AtomicLong batches = new AtomicLong();
    List<Lat> lats = new ArrayList<>();
    for (int i = 0; i < batchClients; i++) {
      lats.add(new Lat());
    }
    parallel(batchClients, (id, rnd) -> {
      Lat lat = lats.get(id);
      int seq = 0;
      while (w.running()) {
        StringBuilder sb = new StringBuilder(batchSize * 150).append("{\"postings\":[");
        long miles = 0;
        for (int i = 0; i < batchSize; i++) {
          long m = 1 + rnd.nextInt(5000);
          miles += m;
          if (i > 0) {
            sb.append(',');
          }
          sb.append("{\"member\":\"").append(numbers[rnd.nextInt(members)])
              .append("\",\"type\":\"CREDIT\",\"miles\":").append(m)
              .append(",\"sourceReference\":\"bench-").append(runId).append("-b").append(id).append('-')
              .append(seq).append('-').append(i)
              .append("\",\"activityDate\":\"2026-01-15\",\"description\":\"bench batch\"}");
        }
        sb.append("]}");
        seq++;
        long t0 = System.nanoTime();
        Reply r;
        try {
          r = post("/api/v1/ledger/batches", sb.toString());
        } catch (IOException e) {
          error("batch", null, e);
          continue;
        }
        long t1 = System.nanoTime();
        long n = r.status() == 200 ? jsonLong(r.body(), "posted") : -1;
        if (n != batchSize || jsonLong(r.body(), "milesPosted") != miles || !r.body().contains("\"rejected\":[]")) {
          error("batch", r, null);
          if (r.status() == 200) {
            uncertain.incrementAndGet(); // partly posted: the expected totals no longer hold
          }
          continue;
        }
        expectBalance.addAndGet(miles);
        expectEntries.addAndGet(n);
        if (w.counts(t0, t1)) {
          posted.addAndGet(n);
          batches.incrementAndGet();
          lat.add(t1 - t0);
        }
      }
    });
    double pps = posted.get() / (double) batchSeconds;
    LOG.printf("BATCHED: %,d postings in %,d batches in %d s = %,.0f postings/s, batch p50 %.0f ms, p99 %.0f ms%n",
        posted.get(), batches.get(), batchSeconds, pps, pct(lats, 50), pct(lats, 99));
    results.put("batch_clients", Integer.toString(batchClients));
    results.put("batch_size", Integer.toString(batchSize));
    results.put("batch_seconds", Integer.toString(batchSeconds));
    results.put("batch_postings", Long.toString(posted.get()));
    results.put("batch_batches", Long.toString(batches.get()));
    results.put("batch_pps", String.format("%.1f", pps));
    results.put("batch_p50_ms", String.format("%.1f", pct(lats, 50)));
    results.put("batch_p99_ms", String.format("%.1f", pct(lats, 99)));
  }

  /**
   * Hold cycles: place a hold, then capture part of it (45%), release it (45%) or leave it active
   * (10%, so that the held-miles invariant is checked against live holds). A retry of the capture or
   * release follows 10% of the time and must return the same hold.
   */
  void holds() throws Exception {
    LOG.printf("HOLDS: %d clients, %d s warm-up + %d s%n", clients, warmup, holdSeconds);
    Window w = new Window(Math.min(warmup, 2), holdSeconds);
    AtomicLong cycles = new AtomicLong();
    AtomicLong requests = new AtomicLong();
    List<Lat> lats = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      lats.add(new Lat());
    }
    parallel(clients, (id, rnd) -> {
      Lat lat = lats.get(id);
      int seq = 0;
      while (w.running()) {
        int member = rnd.nextInt(members);
        long miles = 1 + rnd.nextInt(2000);
        String ref = "bench-" + runId + "-h" + id + "-" + seq++;
        long t0 = System.nanoTime();
        Reply r;
        try {
          r = post("/api/v1/members/" + numbers[member] + "/holds",
              "{\"miles\":" + miles + ",\"sourceReference\":" + str(ref)
                  + ",\"ttlSeconds\":86400,\"description\":\"bench hold\"}");
        } catch (IOException e) {
          error("hold", null, e);
          continue;
        }
        if (r.status() != 201) {
          error("hold " + ref, r, null);
          continue;
        }
        expectHeld.addAndGet(miles);
        expectEntries.incrementAndGet();
        int n = 1;
        int dice = rnd.nextInt(100);
        if (dice < 90) {
          boolean capture = dice < 45;
          long captured = capture ? 1 + rnd.nextInt((int) miles) : 0;
          String path = "/api/v1/holds/" + ref + (capture ? "/capture" : "/release");
          String body = capture ? "{\"miles\":" + captured + "}" : null;
          int tries = rnd.nextInt(10) == 0 ? 2 : 1;
          for (int t = 0; t < tries; t++) {
            try {
              r = post(path, body);
            } catch (IOException e) {
              error(path, null, e);
              break;
            }
            n++;
            String status = capture ? "\"status\":\"CAPTURED\"" : "\"status\":\"RELEASED\"";
            if (r.status() != 200 || !r.body().contains(status)) {
              error(path + (t > 0 ? " (retry)" : ""), r, null);
              break;
            }
            if (t == 0) {
              expectHeld.addAndGet(-miles);
              expectBalance.addAndGet(-captured);
              expectEntries.incrementAndGet();
            }
          }
        }
        long t1 = System.nanoTime();
        if (w.counts(t0, t1)) {
          cycles.incrementAndGet();
          requests.addAndGet(n);
          lat.add(t1 - t0);
        }
      }
    });
    LOG.printf("HOLDS: %,d cycles (%,d requests) in %d s = %,.0f cycles/s, %,.0f requests/s, cycle p50 %.1f ms, p99 %.1f ms%n",
        cycles.get(), requests.get(), holdSeconds, cycles.get() / (double) holdSeconds,
        requests.get() / (double) holdSeconds, pct(lats, 50), pct(lats, 99));
    results.put("hold_seconds", Integer.toString(holdSeconds));
    results.put("hold_cycles", Long.toString(cycles.get()));
    results.put("hold_cps", String.format("%.1f", cycles.get() / (double) holdSeconds));
    results.put("hold_rps", String.format("%.1f", requests.get() / (double) holdSeconds));
    results.put("hold_p50_ms", String.format("%.2f", pct(lats, 50)));
    results.put("hold_p99_ms", String.format("%.2f", pct(lats, 99)));
  }
}
