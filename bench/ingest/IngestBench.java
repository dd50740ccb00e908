// OpenMiles ingestion benchmark helper. JDK 17 only; run as a single-file program:
//
//   java bench/ingest/IngestBench.java enroll --url http://127.0.0.1:18090 --members 20000 --out members.csv
//   java bench/ingest/IngestBench.java generate --members members.csv --records 1000000 --out file.csv
//
// enroll: enrolls members through POST /api/v1/members with --clients concurrent clients and writes
// "member number,last name" lines to --out.
// generate: writes an OPENMILES-PARTNER-ACTIVITY v1 file for --partner (SPEND in VND, members round
// robin, unique transaction ids, activity dates 1..330 days ago, exact trailer), streaming to disk.
// Writes what the server should report (records, quantity total, expected miles) to --props.
// Progress and errors go to stderr; a failure exits 1.

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class IngestBench {

  static final PrintStream LOG = System.err;

  // ---- options -------------------------------------------------------------------------------

  static String url = "http://127.0.0.1:18090";
  static int members = 20_000;
  static int clients = 16;
  static long records = 1_000_000;
  static String partner = "DEMO_BANK";
  static String runId = Long.toString(System.currentTimeMillis(), 36);
  static Path membersFile;
  static Path out;
  static Path props;

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].startsWith("-")) {
      usage();
      System.exit(2);
    }
    String command = args[0];
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + a + " needs a value");
      }
      String v = args[++i];
      switch (a) {
        case "--url" -> url = v;
        case "--members" -> {
          if (command.equals("generate")) {
            membersFile = Path.of(v);
          } else {
            members = Integer.parseInt(v);
          }
        }
        case "--clients" -> clients = Integer.parseInt(v);
        case "--records" -> records = Long.parseLong(v);
        case "--partner" -> partner = v;
        case "--run-id" -> runId = v;
        case "--out" -> out = Path.of(v);
        case "--props" -> props = Path.of(v);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    try {
      switch (command) {
        case "enroll" -> enroll();
        case "generate" -> generate();
        default -> {
          usage();
          System.exit(2);
        }
      }
    } catch (Exception e) {
      LOG.println(command + " failed: " + e.getMessage());
      System.exit(1);
    }
  }

  static void usage() {
    System.out.println(
        "usage: java IngestBench.java enroll --url U --members M [--clients C] [--run-id ID] --out FILE\n"
            + "       java IngestBench.java generate --members FILE --records N [--partner CODE] [--run-id ID]"
            + " --out FILE [--props FILE]");
  }

  // ---- enroll --------------------------------------------------------------------------------

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"(\\d+)\"");

  static void enroll() throws Exception {
    if (out == null) {
      throw new IllegalArgumentException("--out is required");
    }
    long t0 = System.nanoTime();
    String[] numbers = new String[members];
    String[] lastNames = new String[members];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicReference<String> failure = new AtomicReference<>();
    CountDownLatch finished = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  for (int i; failure.get() == null && (i = next.getAndIncrement()) < members; ) {
                    lastNames[i] = "Ingest" + letters(i);
                    numbers[i] = enrollOne(i, lastNames[i]);
                    int n = done.incrementAndGet();
                    if (n % 5000 == 0) {
                      LOG.printf("  enrolled %,d of %,d%n", n, members);
                    }
                  }
                } catch (Exception e) {
                  failure.compareAndSet(null, e.getMessage());
                } finally {
                  finished.countDown();
                }
              },
              "enroll-" + c);
      t.setDaemon(true);
      t.start();
    }
    finished.await();
    if (failure.get() != null) {
      throw new IllegalStateException(failure.get());
    }
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int i = 0; i < members; i++) {
        w.write(numbers[i] + "," + lastNames[i] + "\n");
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    LOG.printf("enrolled %,d members in %.1f s (%,.0f/s, %d clients)%n", members, s, members / s, clients);
  }

  /** Enrolls member i; retries a few times on a connection error or a 503 (server still warming up). */
  static String enrollOne(int i, String lastName) throws Exception {
    String body =
        "{\"firstName\":\"Bench\",\"lastName\":\""
            + lastName
            + "\",\"email\":\"ingest-"
            + runId
            + "-"
            + i
            + "@example.com\",\"birthDate\":\"1990-01-01\",\"country\":\"VN\"}";
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(url + "/api/v1/members"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    String last = "";
    for (int attempt = 0; attempt < 4; attempt++) {
      if (attempt > 0) {
        Thread.sleep(500L * attempt);
      }
      HttpResponse<String> r;
      try {
        r = HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        last = e.toString();
        continue;
      }
      Matcher m = NUMBER.matcher(r.body());
      if (r.statusCode() == 201 && m.find()) {
        return m.group(1);
      }
      last = r.statusCode() + " " + abbreviate(r.body());
      if (r.statusCode() != 503) {
        break; // a 4xx or another 5xx will not get better
      }
    }
    throw new IllegalStateException("enrollment of member " + i + " failed: " + last);
  }

  static String abbreviate(String s) {
    s = s == null ? "" : s.replace('\n', ' ');
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
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

  // ---- generate ------------------------------------------------------------------------------

  static final long MILES_PER = 20_000; // DEMO_BANK: 1 mile per 20,000 VND, floor, no cap
  static final int MAX_DAYS_AGO = 330; // about 11 months: inside the 12-month window

  static void generate() throws Exception {
    if (membersFile == null || out == null) {
      throw new IllegalArgumentException("--members and --out are required");
    }
    List<String> numbers = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(membersFile, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      int comma = line.indexOf(',');
      numbers.add(line.substring(0, comma));
      names.add(line.substring(comma + 1));
    }
    if (numbers.isEmpty()) {
      throw new IllegalStateException("no members in " + membersFile);
    }
    long t0 = System.nanoTime();
    LocalDate today = LocalDate.now();
    String[] dates = new String[MAX_DAYS_AGO + 1];
    for (int d = 1; d <= MAX_DAYS_AGO; d++) {
      dates[d] = today.minusDays(d).toString();
    }
    int m = numbers.size();
    String[] prefix = new String[m]; // ",<member>,<last name>," per member
    for (int k = 0; k < m; k++) {
      prefix[k] = "," + numbers.get(k) + "," + names.get(k) + ",";
    }
    SplittableRandom rnd = new SplittableRandom(20_000);
    long quantityTotal = 0;
    long expectedMiles = 0;
    String txPrefix = "D,BNK-" + runId + "-";
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.US_ASCII),
            1 << 20)) {
      w.write("H,OPENMILES-PARTNER-ACTIVITY,1," + partner + "," + today + ",BENCH-" + runId + "\n");
      StringBuilder sb = new StringBuilder(128);
      for (long i = 0; i < records; i++) {
        long quantity = 20_000 + 1_000L * rnd.nextInt(1_981); // 20,000 .. 2,000,000 VND
        quantityTotal += quantity;
        expectedMiles += quantity / MILES_PER;
        sb.setLength(0);
        sb.append(txPrefix)
            .append(i)
            .append(prefix[(int) (i % m)])
            .append(dates[1 + rnd.nextInt(MAX_DAYS_AGO)])
            .append(",SPEND,")
            .append(quantity)
            .append(",VND,Card spend\n");
        w.append(sb);
        if ((i + 1) % 250_000 == 0) {
          LOG.printf("  generated %,d of %,d records%n", i + 1, records);
        }
      }
      w.write("T," + records + "," + quantityTotal + "\n");
    }
    double s = (System.nanoTime() - t0) / 1e9;
    long bytes = Files.size(out);
    LOG.printf("generated %s: %,d records, %,.1f MB in %.1f s%n", out, records, bytes / 1e6, s);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("records", Long.toString(records));
    p.put("members", Integer.toString(m));
    p.put("quantity_total", Long.toString(quantityTotal));
    p.put("expected_miles", Long.toString(expectedMiles));
    p.put("bytes", Long.toString(bytes));
    p.put("generate_seconds", String.format("%.1f", s));
    StringBuilder sb = new StringBuilder();
    p.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    if (props != null) {
      Files.writeString(props, sb.toString());
    } else {
      System.out.print(sb);
    }
  }
}
