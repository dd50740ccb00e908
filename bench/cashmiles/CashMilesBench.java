// OpenMiles Cash & Miles load generator: booking engines over HTTP. JDK 17 only; run as a single-file
// program:
//
//   java bench/cashmiles/CashMilesBench.java --url http://127.0.0.1:18085 --tokens tokens.txt --out r.properties
//
// --tokens names a file of "<client id> <JWT>" lines, one booking engine each; client c of --clients
// uses engine c % engines. Setup (not measured): enroll --members members and credit each --seed-miles
// through the batch postings API, then --history payment cycles per client, then the --after-setup
// shell command (ANALYZE, CHECKPOINT). Then --warmup seconds unmeasured and --seconds measured, with
// every client repeating one cycle:
//
//   quote -> authorize -> capture (or void, --void-percent) [-> refund, --refund-percent of captures,
//   VOLUNTARY or INVOLUNTARY, all miles or half]
//
// Each mutation carries an Idempotency-Key; --retry-percent of them are sent a second time with the same
// key and must get the identical answer (status and body). Keys are numbered per engine, so engines use the
// same key strings (keys belong to the client). --probe-percent of the authorizations are read with another
// engine's token and must be 404 PAYMENT_NOT_FOUND. Only requests that start and end inside the measured
// window count. Results go to --out as key=value lines (including the generator's own tally of what the
// database must hold); progress and errors go to stderr. Exit status 0 even when requests failed: the
// caller reads the error counts from the results.

import java.io.File;
import java.io.IOException;
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
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class CashMilesBench {
  static String url = "http://127.0.0.1:18085";
  static int clients = 32;
  static int seconds = 30;
  static int warmup = 5;
  static int members = 200;
  static int history = 20;
  static long seedMiles = 50_000_000;
  static int voidPercent = 10;
  static int refundPercent = 5;
  static int retryPercent = 5;
  static int probePercent = 1;
  static Path tokensFile;
  static Path out;
  static String afterSetup;
  /** Prints "statements commits" of the application's database so far (sampled with the CPU). */
  static String sqlSample;
  static String runId = Long.toString(System.currentTimeMillis(), 36);
  static long serverPid = -1;
  static long postmasterPid = -1;
  static int clockTicks = 100;
  /** Seconds of the floor mode (--floor): the cheapest authenticated call instead of the cycle. */
  static int floorSeconds;

  public static void main(String[] args) throws Exception {
    java.util.Locale.setDefault(java.util.Locale.ROOT); // "12.5", not "12,5", in the results
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--members" -> members = Integer.parseInt(args[++i]);
        case "--history" -> history = Integer.parseInt(args[++i]);
        case "--seed-miles" -> seedMiles = Long.parseLong(args[++i]);
        case "--void-percent" -> voidPercent = Integer.parseInt(args[++i]);
        case "--refund-percent" -> refundPercent = Integer.parseInt(args[++i]);
        case "--retry-percent" -> retryPercent = Integer.parseInt(args[++i]);
        case "--probe-percent" -> probePercent = Integer.parseInt(args[++i]);
        case "--tokens" -> tokensFile = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--after-setup" -> afterSetup = args[++i];
        case "--run-id" -> runId = args[++i];
        case "--server-pid" -> serverPid = Long.parseLong(args[++i]);
        case "--postmaster-pid" -> postmasterPid = Long.parseLong(args[++i]);
        case "--clock-ticks" -> clockTicks = Integer.parseInt(args[++i]);
        case "--sql-sample" -> sqlSample = args[++i];
        case "--floor" -> floorSeconds = Integer.parseInt(args[++i]);
        default -> {
          System.err.println(
              "usage: java CashMilesBench.java --tokens FILE [--url U] [--clients C] [--seconds T]"
                  + " [--warmup W] [--members M] [--history N] [--seed-miles N] [--void-percent P]"
                  + " [--refund-percent P] [--retry-percent P] [--probe-percent P]"
                  + " [--after-setup SHELL-COMMAND] [--run-id ID] [--out FILE]"
                  + " [--server-pid PID] [--postmaster-pid PID] [--clock-ticks HZ]"
                  + " [--sql-sample SHELL-COMMAND] [--floor SECONDS]");
          System.exit(2);
        }
      }
    }
    if (tokensFile == null) {
      throw new IllegalArgumentException("--tokens is required");
    }
    if (clients < 1 || members < 1 || seedMiles < 1 || seedMiles > 100_000_000) {
      throw new IllegalArgumentException("--clients, --members >= 1; --seed-miles 1..100,000,000");
    }
    if (floorSeconds > 0) {
      floor();
      return;
    }
    new CashMilesBench().run();
  }

  // ---- the floor: a bare authenticated call ---------------------------------------------------

  /**
   * The floor of the API on this stack (--floor SECONDS): the clients repeat {@code GET
   * /api/v1/cash-and-miles/payments/{id}} for a payment that does not exist, with the first
   * engine's token: the servlet container, the authentication mechanism (a remembered token),
   * Jersey, the CDI bean, one primary-key read (no transaction) and a 404 problem+json. No payment
   * operation costs less. Prints floor_* key=value lines: rate, latencies, CPU per request.
   */
  static void floor() throws Exception {
    String token = Files.readAllLines(tokensFile).get(0).strip().split("\\s+")[1];
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/api/v1/cash-and-miles/payments/999999999999"))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build();
    long from = System.nanoTime() + warmup * 1_000_000_000L;
    long to = from + floorSeconds * 1_000_000_000L;
    AtomicLong wrong = new AtomicLong();
    List<long[]> perThread = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    double[][] cpu = new double[2][];
    Thread sampler =
        new Thread(
            () -> {
              sleepUntil(from);
              cpu[0] = cpu();
              sleepUntil(to);
              cpu[1] = cpu();
            });
    sampler.start();
    for (int c = 0; c < clients; c++) {
      long[] lat = new long[200_000]; // [0]: how many follow
      perThread.add(lat);
      Thread t =
          new Thread(
              () -> {
                long t0;
                while ((t0 = System.nanoTime()) < to) {
                  try {
                    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 404 || !r.body().contains("PAYMENT_NOT_FOUND")) {
                      wrong.incrementAndGet();
                    }
                  } catch (IOException | InterruptedException e) {
                    wrong.incrementAndGet();
                  }
                  long t1 = System.nanoTime();
                  if (t0 >= from && t1 <= to && lat[0] < lat.length - 1) {
                    lat[(int) ++lat[0]] = t1 - t0;
                  }
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    sampler.join();
    long[] all = perThread.stream().flatMapToLong(l -> Arrays.stream(l, 1, 1 + (int) l[0])).sorted().toArray();
    StringBuilder text = new StringBuilder();
    text.append("floor_requests=").append(all.length).append('\n');
    text.append(String.format("floor_per_s=%.1f%n", all.length / (double) floorSeconds));
    text.append(String.format("floor_p50_ms=%.2f%n", percentileMs(all, 50)));
    text.append(String.format("floor_p99_ms=%.2f%n", percentileMs(all, 99)));
    String[] names = {"server", "postgres", "client"};
    for (int i = 0; i < names.length; i++) {
      double used = cpu[1][i] - cpu[0][i];
      text.append(String.format("floor_cpu_%s_ms=%.3f%n", names[i], 1000 * used / Math.max(1, all.length)));
    }
    text.append("floor_wrong=").append(wrong.get()).append('\n');
    System.out.print(text);
  }

  static void sleepUntil(long nanos) {
    for (long d; (d = nanos - System.nanoTime()) > 0; ) {
      try {
        Thread.sleep(Math.max(1, d / 1_000_000));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  // ---- engines, HTTP ------------------------------------------------------------------------

  record Engine(String id, String token) {}

  final List<Engine> engines = new ArrayList<>();

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  record Answer(int status, String body) {
    /** The stable code of a problem+json answer. */
    String code() {
      String c = text(body, "code");
      return c == null ? "-" : c;
    }
  }

  /** POST (json may be null: no body) or, with method GET, a read. */
  Answer call(String method, String path, Engine engine, String key, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json");
    // a booking engine's own token; staff calls (enrolment, credits) the run's back-office token
    b.header(
        "Authorization",
        "Bearer "
            + (engine != null
                ? engine.token()
                : System.getenv().getOrDefault("OPENMILES_API_TOKEN", "")));
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    if (method.equals("GET")) {
      b.GET();
    } else {
      b.header("Content-Type", "application/json")
          .POST(
              json == null
                  ? HttpRequest.BodyPublishers.noBody()
                  : HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> r =
        http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(r.statusCode(), r.body());
  }

  static String text(String body, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
    return m.find() ? m.group(1) : null;
  }

  static long number(String body, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?\\d+)").matcher(body);
    return m.find() ? Long.parseLong(m.group(1)) : Long.MIN_VALUE;
  }

  // ---- measurements --------------------------------------------------------------------------

  enum Op {
    QUOTE, AUTHORIZE, CAPTURE, VOID, REFUND, REPLAY, PROBE;

    String key() {
      return name().toLowerCase();
    }

    /** A payment operation: a step of the life cycle (not a same-key replay, not a probe). */
    boolean payment() {
      return ordinal() <= REFUND.ordinal();
    }
  }

  /** Latencies (ns) of one client's counted requests, by operation. */
  static final class Samples {
    final long[][] v = new long[Op.values().length][256];
    final int[] n = new int[Op.values().length];

    void add(Op op, long nanos) {
      int i = op.ordinal();
      if (n[i] == v[i].length) {
        v[i] = Arrays.copyOf(v[i], n[i] * 2);
      }
      v[i][n[i]++] = nanos;
    }
  }

  /** Sorted latencies of the given operations over all clients. */
  static long[] merged(List<Samples> all, List<Op> ops) {
    long[] m = new long[0];
    for (Samples s : all) {
      for (Op op : ops) {
        int k = m.length;
        m = Arrays.copyOf(m, k + s.n[op.ordinal()]);
        System.arraycopy(s.v[op.ordinal()], 0, m, k, s.n[op.ordinal()]);
      }
    }
    Arrays.sort(m);
    return m;
  }

  static double percentileMs(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  // ---- CPU time of the server, PostgreSQL and this generator (Linux /proc) ----------------------

  /** CPU seconds so far: server, PostgreSQL (postmaster and its children), generator. */
  static double[] cpu() {
    double server = serverPid > 0 ? ticks(serverPid) / (double) clockTicks : Double.NaN;
    double pg = Double.NaN;
    if (postmasterPid > 0) {
      long t = ticks(postmasterPid);
      File[] procs = new File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
      for (File f : procs == null ? new File[0] : procs) {
        String[] st = stat(Long.parseLong(f.getName()));
        if (st != null && Long.parseLong(st[1]) == postmasterPid) {
          t += Long.parseLong(st[11]) + Long.parseLong(st[12]);
        }
      }
      pg = t / (double) clockTicks;
    }
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    double self =
        os instanceof com.sun.management.OperatingSystemMXBean o ? o.getProcessCpuTime() / 1e9 : Double.NaN;
    return new double[] {server, pg, self};
  }

  /** Fields of /proc/PID/stat after the command name: [0] state, [1] ppid, [11] utime, [12] stime. */
  static String[] stat(long pid) {
    try {
      String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return s.substring(s.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static long ticks(long pid) {
    String[] st = stat(pid);
    return st == null ? 0 : Long.parseLong(st[11]) + Long.parseLong(st[12]);
  }

  // ---- tally: what the database must hold, from acknowledged answers --------------------------

  final AtomicLong seeded = new AtomicLong();
  final AtomicLong seedEntries = new AtomicLong();
  final AtomicLong authorized = new AtomicLong();
  final AtomicLong authorizedMiles = new AtomicLong();
  final AtomicLong captured = new AtomicLong();
  final AtomicLong capturedMiles = new AtomicLong();
  final AtomicLong voided = new AtomicLong();
  final AtomicLong voidedMiles = new AtomicLong();
  final AtomicLong refunds = new AtomicLong();
  final AtomicLong refundedVoluntary = new AtomicLong();
  final AtomicLong refundedInvoluntary = new AtomicLong();
  final AtomicLong redeposited = new AtomicLong();
  final AtomicLong involuntaryRefunds = new AtomicLong();
  final Map<String, AtomicLong> paymentsByEngine = new ConcurrentHashMap<>();
  /** Mutations whose outcome is unknown (I/O error, 5xx): the tally may then be off. */
  final AtomicLong uncertain = new AtomicLong();
  final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  final AtomicInteger samplesLogged = new AtomicInteger();

  /** Counts an unexpected answer (or exception) as "<op> <status> <code>"; false for convenience. */
  boolean unexpected(String what, Answer a, Exception e, boolean mutation) {
    String k = what + " " + (a == null ? "io" : a.status() + " " + a.code());
    errors.computeIfAbsent(k, x -> new LongAdder()).increment();
    if (mutation && (a == null || a.status() >= 500)) {
      uncertain.incrementAndGet();
    }
    if (samplesLogged.incrementAndGet() <= 10) {
      String detail = e != null ? e.toString() : a.body().replace('\n', ' ');
      System.err.println("  unexpected " + k + ": " + detail.substring(0, Math.min(300, detail.length())));
    }
    return false;
  }

  // ---- run -----------------------------------------------------------------------------------

  String[] numbers;

  void run() throws Exception {
    for (String line : Files.readAllLines(tokensFile)) {
      String[] p = line.trim().split("\\s+");
      if (p.length == 2) {
        engines.add(new Engine(p[0], p[1]));
        paymentsByEngine.put(p[0], new AtomicLong());
      }
    }
    if (engines.isEmpty()) {
      throw new IllegalArgumentException(tokensFile + " holds no \"<client> <token>\" line");
    }
    System.err.printf(
        "cashmiles bench %s: %d clients over %d engines, %d s (+%d s warm-up), %d members%n",
        url, clients, engines.size(), seconds, warmup, members);
    long t0 = System.nanoTime();
    enroll();
    seed();
    System.err.printf(
        "enrolled %d members and credited %,d miles each in %.1f s%n",
        members, seedMiles, (System.nanoTime() - t0) / 1e9);
    if (history > 0) {
      t0 = System.nanoTime();
      clientsRun(null, history);
      System.err.printf(
          "history: %,d payment cycles in %.1f s%n",
          (long) history * clients, (System.nanoTime() - t0) / 1e9);
    }
    if (afterSetup != null) {
      Process p = new ProcessBuilder("bash", "-c", afterSetup).inheritIO().start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("--after-setup failed: " + afterSetup);
      }
    }
    long start = System.nanoTime();
    long from = start + warmup * 1_000_000_000L;
    long[] window = {from, from + seconds * 1_000_000_000L};
    System.err.printf("measuring: %d s warm-up + %d s%n", warmup, seconds);
    double[][] cpu = new double[2][];
    String[] sql = new String[2];
    Thread sampler =
        new Thread(
            () -> {
              try {
                for (int k = 0; k < 2; k++) {
                  long wait = window[k] - System.nanoTime();
                  if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                  }
                  cpu[k] = cpu();
                  sql[k] = sql();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    List<Samples> samples = clientsRun(window, 0);
    sampler.join();
    report(samples, cpu, sql);
  }

  /** The --sql-sample command's output, or null. */
  static String sql() {
    if (sqlSample == null) {
      return null;
    }
    try {
      Process p = new ProcessBuilder("bash", "-c", sqlSample).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Runs every client until the window ends (window != null) or for {@code cycles} cycles each. */
  List<Samples> clientsRun(long[] window, int cycles) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Samples>> futures = new ArrayList<>();
    SplittableRandom root = new SplittableRandom(window == null ? 7 : 42);
    for (int c = 0; c < clients; c++) {
      int id = c;
      SplittableRandom rnd = root.split();
      futures.add(pool.submit(() -> new Client(id, rnd, window).loop(cycles)));
    }
    List<Samples> all = new ArrayList<>();
    for (Future<Samples> f : futures) {
      all.add(f.get());
    }
    pool.shutdown();
    return all;
  }

  void enroll() throws Exception {
    numbers = new String[members];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(clients, 8));
    List<Future<?>> fs = new ArrayList<>();
    for (int c = 0; c < Math.min(clients, 8); c++) {
      fs.add(
          pool.submit(
              () -> {
                for (int i; (i = next.getAndIncrement()) < members; ) {
                  String json =
                      String.format(
                          "{\"firstName\":\"Cash\",\"lastName\":\"Miles %s\",\"email\":\"cm-%s-%d@example.com\","
                              + "\"phone\":\"+8491%07d\",\"birthDate\":\"1985-05-05\",\"country\":\"VN\","
                              + "\"marketingConsent\":false}",
                          alpha(i), runId, i, i);
                  Answer a = call("POST", "/api/v1/members", null, null, json);
                  String n = text(a.body(), "number");
                  if (a.status() != 201 || n == null) {
                    unexpected("enroll", a, null, false);
                    throw new IllegalStateException("enrollment failed: " + a.status() + " " + a.body());
                  }
                  numbers[i] = n;
                }
                return null;
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
  }

  /** Names take letters only: 0 -> A, 26 -> BA. */
  static String alpha(int i) {
    String s = "";
    do {
      s = (char) ('A' + i % 26) + s;
      i /= 26;
    } while (i > 0);
    return s;
  }

  /** One seed credit per member through POST /api/v1/ledger/batches, 1,000 per batch. */
  void seed() throws Exception {
    for (int from = 0; from < members; from += 1000) {
      StringBuilder sb = new StringBuilder("{\"postings\":[");
      int to = Math.min(members, from + 1000);
      for (int i = from; i < to; i++) {
        sb.append(i > from ? "," : "")
            .append(String.format(
                "{\"member\":\"%s\",\"type\":\"CREDIT\",\"miles\":%d,\"sourceReference\":\"cm-%s-seed-%d\","
                    + "\"activityDate\":\"2026-01-10\",\"description\":\"cashmiles bench seed\"}",
                numbers[i], seedMiles, runId, i));
      }
      Answer a = call("POST", "/api/v1/ledger/batches", null, null, sb.append("]}").toString());
      if (a.status() != 200 || number(a.body(), "posted") != to - from) {
        unexpected("seed", a, null, false);
        throw new IllegalStateException("seed batch failed: " + a.status() + " " + a.body());
      }
      seeded.addAndGet(seedMiles * (to - from));
      seedEntries.addAndGet(to - from);
    }
  }

  /** One booking engine's worker: its own key sequence, random generator and latencies. */
  final class Client {
    final int id;
    final SplittableRandom rnd;
    final long[] window;
    final Engine engine;
    final Engine other;
    final Samples samples = new Samples();
    /** Key prefix shared by the workers of other engines with the same local number. */
    final String keys;
    int seq;

    Client(int id, SplittableRandom rnd, long[] window) {
      this.id = id;
      this.rnd = rnd;
      this.window = window;
      this.engine = engines.get(id % engines.size());
      this.other = engines.get((id + 1) % engines.size());
      this.keys = runId + (window == null ? "-h" : "-m") + (id / engines.size());
    }

    Samples loop(int cycles) {
      for (int k = 0; window == null ? k < cycles : System.nanoTime() < window[1]; k++) {
        try {
          cycle();
        } catch (IOException e) {
          unexpected("io", null, e, true);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return samples;
    }

    /** Sends a request and records its latency under op when it falls inside the window. */
    Answer timed(Op op, String method, String path, Engine as, String key, String json)
        throws IOException, InterruptedException {
      long t0 = System.nanoTime();
      Answer a = call(method, path, as, key, json);
      long t1 = System.nanoTime();
      if (window != null && t0 >= window[0] && t1 <= window[1]) {
        samples.add(op, t1 - t0);
      }
      return a;
    }

    /** A mutation, and (retryPercent of the time) the same request again: same key, same answer. */
    Answer mutate(Op op, String path, String key, String json, int want)
        throws IOException, InterruptedException {
      Answer a = timed(op, "POST", path, engine, key, json);
      if (a.status() != want) {
        unexpected(op.key(), a, null, true);
        return null;
      }
      if (rnd.nextInt(100) < retryPercent) {
        Answer again = timed(Op.REPLAY, "POST", path, engine, key, json);
        if (again.status() != a.status() || !again.body().equals(a.body())) {
          unexpected("replay of " + op.key(), again, null, false);
        }
      }
      return a;
    }

    void cycle() throws IOException, InterruptedException {
      int n = seq++;
      String member = numbers[rnd.nextInt(members)];
      int pax = 1 + rnd.nextInt(2);
      int segments = 1 + rnd.nextInt(2);
      long fareCents = 10_000 + rnd.nextInt(90_000); // 100.00 to 999.99
      long taxCents = 1_000 + rnd.nextInt(7_000);
      Answer q =
          timed(Op.QUOTE, "POST", "/api/v1/cash-and-miles/quotes", engine, null,
              String.format(
                  "{\"member\":\"%s\",\"baseFare\":{\"amount\":\"%d.%02d\",\"currency\":\"USD\"},"
                      + "\"taxesAndFees\":{\"amount\":\"%d.%02d\",\"currency\":\"USD\"},"
                      + "\"passengers\":%d,\"segments\":%d}",
                  member, fareCents / 100, fareCents % 100, taxCents / 100, taxCents % 100, pax, segments));
      String token = q.status() == 201 ? text(q.body(), "quoteToken") : null;
      long min = number(q.body(), "minimum");
      long max = Math.min(number(q.body(), "maximum"), number(q.body(), "availableMiles"));
      long step = number(q.body(), "step");
      if (token == null || step <= 0 || min > max) {
        unexpected("quote", q, null, false);
        return;
      }
      long miles = min + step * rnd.nextLong((max - min) / step + 1);

      String pnr = "CM" + keys + "-" + n;
      Answer auth =
          mutate(Op.AUTHORIZE, "/api/v1/cash-and-miles/payments", keys + "-" + n + "-auth",
              "{\"quoteToken\":\"" + token + "\",\"miles\":" + miles + ",\"bookingReference\":\"" + pnr + "\"}",
              201);
      if (auth == null) {
        return;
      }
      long paymentId = number(auth.body(), "paymentId");
      if (!"AUTHORIZED".equals(text(auth.body(), "status")) || number(auth.body(), "miles") != miles) {
        unexpected("authorize (answer)", auth, null, true);
        return;
      }
      authorized.incrementAndGet();
      authorizedMiles.addAndGet(miles);
      paymentsByEngine.get(engine.id()).incrementAndGet();
      String payment = "/api/v1/cash-and-miles/payments/" + paymentId;

      if (engines.size() > 1 && rnd.nextInt(100) < probePercent) {
        Answer p = timed(Op.PROBE, "GET", payment, other, null, null);
        if (p.status() != 404 || !"PAYMENT_NOT_FOUND".equals(p.code())) {
          unexpected("probe by another engine", p, null, false);
        }
      }

      if (rnd.nextInt(100) < voidPercent) {
        Answer v = mutate(Op.VOID, payment + "/void", keys + "-" + n + "-void", null, 200);
        if (v != null && expect(v, "VOIDED", "void")) {
          voided.incrementAndGet();
          voidedMiles.addAndGet(miles);
        }
        return;
      }
      Answer c =
          mutate(Op.CAPTURE, payment + "/capture", keys + "-" + n + "-capture",
              String.format("{\"ticketNumbers\":[\"738%010d\"]}", paymentId % 10_000_000_000L), 200);
      if (c == null || !expect(c, "CAPTURED", "capture") || number(c.body(), "capturedMiles") != miles) {
        return;
      }
      captured.incrementAndGet();
      capturedMiles.addAndGet(miles);

      if (rnd.nextInt(100) < refundPercent) {
        boolean involuntary = rnd.nextBoolean();
        boolean all = rnd.nextBoolean();
        long refund = all ? miles : miles / 2;
        String reason = involuntary ? "INVOLUNTARY" : "VOLUNTARY";
        Answer r =
            mutate(Op.REFUND, payment + "/refunds", keys + "-" + n + "-refund",
                "{\"reason\":\"" + reason + "\"" + (all ? "" : ",\"miles\":" + refund) + "}", 201);
        if (r == null) {
          return;
        }
        long back = number(r.body(), "milesRedeposited");
        if (number(r.body(), "miles") != refund || back != (involuntary ? refund : 0)
            || !r.body().contains(all ? "\"status\":\"REFUNDED\"" : "\"status\":\"PARTIALLY_REFUNDED\"")) {
          unexpected("refund (answer)", r, null, true);
          return;
        }
        refunds.incrementAndGet();
        (involuntary ? refundedInvoluntary : refundedVoluntary).addAndGet(refund);
        if (involuntary) {
          involuntaryRefunds.incrementAndGet();
        }
        redeposited.addAndGet(back);
      }
    }

    boolean expect(Answer a, String status, String what) {
      return status.equals(text(a.body(), "status")) || unexpected(what + " (answer)", a, null, true);
    }
  }

  // ---- results -------------------------------------------------------------------------------

  void report(List<Samples> samples, double[][] cpu, String[] sql) throws IOException {
    Map<String, String> r = new java.util.LinkedHashMap<>();
    r.put("clients", Integer.toString(clients));
    r.put("engines", Integer.toString(engines.size()));
    r.put("seconds", Integer.toString(seconds));
    r.put("members", Integer.toString(members));
    for (Op op : Op.values()) {
      put(r, op.key(), merged(samples, List.of(op)));
    }
    put(r, "ops", merged(samples, Arrays.stream(Op.values()).filter(Op::payment).toList()));
    put(r, "all", merged(samples, List.of(Op.values())));
    String[] who = {"server", "postgres", "generator"};
    for (int k = 0; k < who.length; k++) {
      double used = cpu[0] == null || cpu[1] == null ? Double.NaN : cpu[1][k] - cpu[0][k];
      r.put("cpu_" + who[k] + "_s", String.format("%.2f", used));
    }
    // SQL statements and commits of the application's database in the window (when sampled)
    String[] names = {"sql_statements", "sql_commits"};
    for (int k = 0; k < names.length; k++) {
      String delta = "?";
      try {
        if (sql[0] != null && sql[1] != null) {
          String a = sql[0].split("\\s+")[k];
          String b = sql[1].split("\\s+")[k];
          if (!a.isEmpty() && !b.isEmpty()) {
            delta = Long.toString(Long.parseLong(b) - Long.parseLong(a));
          }
        }
      } catch (RuntimeException e) {
        delta = "?";
      }
      r.put(names[k], delta);
    }
    // a payment is complete when its capture is acknowledged
    r.put("payments_per_s", r.get("capture_per_s"));
    r.put("expect_seeded", Long.toString(seeded.get()));
    r.put("expect_seed_entries", Long.toString(seedEntries.get()));
    r.put("expect_authorized", Long.toString(authorized.get()));
    r.put("expect_authorized_miles", Long.toString(authorizedMiles.get()));
    r.put("expect_captured", Long.toString(captured.get()));
    r.put("expect_captured_miles", Long.toString(capturedMiles.get()));
    r.put("expect_voided", Long.toString(voided.get()));
    r.put("expect_voided_miles", Long.toString(voidedMiles.get()));
    r.put("expect_refunds", Long.toString(refunds.get()));
    r.put("expect_refunded_voluntary", Long.toString(refundedVoluntary.get()));
    r.put("expect_refunded_involuntary", Long.toString(refundedInvoluntary.get()));
    r.put("expect_involuntary_refunds", Long.toString(involuntaryRefunds.get()));
    r.put("expect_redeposited", Long.toString(redeposited.get()));
    r.put("expect_balance", Long.toString(seeded.get() - capturedMiles.get() + redeposited.get()));
    // seed credits, a HOLD entry per authorization, a capture or release entry each, a REDEPOSIT per
    // involuntary refund
    r.put("expect_entries",
        Long.toString(seedEntries.get() + authorized.get() + captured.get() + voided.get() + involuntaryRefunds.get()));
    StringBuilder by = new StringBuilder();
    new TreeMap<>(paymentsByEngine).forEach((k, v) -> {
      if (v.get() > 0) { // as the database lists them: engines with payments
        by.append(by.length() > 0 ? "," : "").append(k).append(':').append(v.get());
      }
    });
    r.put("expect_payments_by_client", by.toString());
    r.put("uncertain", Long.toString(uncertain.get()));
    long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
    r.put("errors", Long.toString(errorCount));
    StringBuilder eb = new StringBuilder();
    new TreeMap<>(errors).forEach((k, v) -> eb.append(eb.length() > 0 ? "; " : "").append(k).append(" x").append(v.sum()));
    r.put("errors_by_code", eb.toString());
    StringBuilder text = new StringBuilder();
    r.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    if (out != null) {
      Files.writeString(out, text);
    } else {
      System.out.print(text);
    }
    System.err.printf("measured: %s operations/s (p50 %s ms, p99 %s ms), %s payments/s, %d errors%n",
        r.get("ops_per_s"), r.get("ops_p50_ms"), r.get("ops_p99_ms"), r.get("payments_per_s"), errorCount);
  }

  static void put(Map<String, String> r, String name, long[] sorted) {
    r.put(name + "_count", Integer.toString(sorted.length));
    r.put(name + "_per_s", String.format("%.1f", sorted.length / (double) seconds));
    r.put(name + "_p50_ms", sorted.length == 0 ? "-" : String.format("%.2f", percentileMs(sorted, 50)));
    r.put(name + "_p99_ms", sorted.length == 0 ? "-" : String.format("%.2f", percentileMs(sorted, 99)));
  }
}
