// OpenMiles ingestion benchmark helper. JDK 17 only; run as a single-file program:
//
//   java bench/ingest/IngestBench.java enroll --url http://127.0.0.1:18090 --members 20000 --out members.csv
//   java bench/ingest/IngestBench.java generate --members members.csv --records 1000000 --out file.csv
//   java bench/ingest/IngestBench.java flown --members members.csv --records 1000000 --rules rules.csv --out file.csv
//
// enroll: enrolls members through POST /api/v1/members with --clients concurrent clients and writes
// "member number,last name" lines to --out.
// generate: writes an OPENMILES-PARTNER-ACTIVITY v1 file for --partner (SPEND in VND, members round
// robin, unique transaction ids, activity dates 1..330 days ago, exact trailer), streaming to disk.
// Writes what the server should report (records, quantity total, expected miles) to --props.
// flown: writes an OPENMILES-FLOWN-COUPONS v1 file of --records coupons (round trips: two flown or
// lifted coupons per ticket, members round robin, routes between the hubs HAN/SGN/DAD and every other
// airport of --rules, classes that earn in the route's region, flight dates 1..--days days ago, exact
// trailer). --rules is the program's flight rules as exported by run.sh from the migrated database
// (airports, earn models, earn factors, minimums, city-pair distances, the base tier's bonus %); the
// generator rates every coupon by them (distance x class factor, half up, at least the region's
// minimum, tier bonus) and writes the expected miles, qualifying miles and flights to --props.
// Progress and errors go to stderr; a failure exits 1.

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.util.HashMap;
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
  static Path rulesFile;
  static int days = 330;
  static String carrier = "VN";

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
          if (!command.equals("enroll")) {
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
        case "--rules" -> rulesFile = Path.of(v);
        case "--days" -> days = Integer.parseInt(v);
        case "--carrier" -> carrier = v;
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    try {
      switch (command) {
        case "enroll" -> enroll();
        case "generate" -> generate();
        case "flown" -> flown();
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
            + " --out FILE [--props FILE]\n"
            + "       java IngestBench.java flown --members FILE --records N --rules FILE [--days D]"
            + " [--carrier VN] [--run-id ID] --out FILE [--props FILE]");
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
            // the back-office token bench/lib.sh mints for the run (every /api call needs one)
            .header("Authorization", "Bearer " + System.getenv().getOrDefault("OPENMILES_API_TOKEN", ""))
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
    readMembers(numbers, names);
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
    try (Writer w = openFile("OPENMILES-PARTNER-ACTIVITY", partner, today)) {
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
    Map<String, String> p = new LinkedHashMap<>();
    p.put("members", Integer.toString(m));
    p.put("quantity_total", Long.toString(quantityTotal));
    p.put("expected_miles", Long.toString(expectedMiles));
    writeProps(t0, p);
  }

  /** Opens --out for writing (ASCII, buffered) and writes the header line of a version-1 file. */
  static Writer openFile(String format, String sender, LocalDate today) throws IOException {
    Writer w =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.US_ASCII), 1 << 20);
    w.write("H," + format + ",1," + sender + "," + today + ",BENCH-" + runId + "\n");
    return w;
  }

  /** Reads the "member number,last name" lines written by enroll. */
  static void readMembers(List<String> numbers, List<String> names) throws IOException {
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
  }

  /** Logs the generated file and writes records, bytes, time and {@code extra} to --props. */
  static void writeProps(long t0, Map<String, String> extra) throws IOException {
    double s = (System.nanoTime() - t0) / 1e9;
    long bytes = Files.size(out);
    LOG.printf("generated %s: %,d records, %,.1f MB in %.1f s%n", out, records, bytes / 1e6, s);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("records", Long.toString(records));
    p.putAll(extra);
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

  // ---- flown -------------------------------------------------------------------------------

  /** An effective-dated rule row from --rules: key fields, [from, to), and its values. */
  record Rule(String key, LocalDate from, LocalDate to, String[] values) {
    boolean appliesOn(LocalDate d) {
      return !d.isBefore(from) && (to == null || d.isBefore(to));
    }
  }

  record Airport(String iata, String country, double lat, double lon) {}

  /** What a coupon earns under the distance model, as DefaultFlightAccrual rates it. */
  record Earning(long base, long bonus, BigDecimal segments) {}

  static final String[] HUBS = {"HAN", "SGN", "DAD"};

  /** The program's flight rules as exported by run.sh: "kind,key...,from,to,values..." lines. */
  static final class FlightRules {
    final Map<String, Airport> airports = new java.util.TreeMap<>();
    final Map<String, List<Rule>> rules = new HashMap<>(); // "E:VN", "F:VN:J:DOMESTIC", "M:..", "C:.."
    int tierBonusPct;

    FlightRules(Path file) throws IOException {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] f = line.split(",", -1); // our own export: no quoting needed
        switch (f[0]) {
          case "A" -> airports.put(f[1], new Airport(f[1], f[2], Double.parseDouble(f[3]),
              Double.parseDouble(f[4])));
          case "T" -> tierBonusPct = Integer.parseInt(f[1]);
          case "E", "F", "M", "C" -> {
            int keys = f[0].equals("E") ? 1 : f[0].equals("F") ? 3 : 2; // fields before effective_from
            String key = String.join(":", java.util.Arrays.copyOfRange(f, 0, keys + 1));
            LocalDate from = LocalDate.parse(f[keys + 1]);
            LocalDate to = f[keys + 2].isEmpty() ? null : LocalDate.parse(f[keys + 2]);
            rules.computeIfAbsent(key, k -> new ArrayList<>())
                .add(new Rule(key, from, to, java.util.Arrays.copyOfRange(f, keys + 3, f.length)));
          }
          default -> throw new IllegalArgumentException("unknown rules line: " + line);
        }
      }
    }

    /** The row in force on d: the greatest effective_from <= d, if its effective_to is after d. */
    String[] inForce(String key, LocalDate d) {
      Rule best = null;
      for (Rule r : rules.getOrDefault(key, List.of())) {
        if (!r.from().isAfter(d) && (best == null || r.from().isAfter(best.from()))) {
          best = r;
        }
      }
      return best == null || !best.appliesOn(d) ? null : best.values();
    }

    String region(String o, String d) {
      String c = airports.get(o).country();
      return !c.isEmpty() && c.equals(airports.get(d).country()) ? "DOMESTIC" : "INTERNATIONAL";
    }

    /** City-pair distance if the program has one on the date, else great circle (haversine). */
    long distance(String o, String d, LocalDate date) {
      String[] pair = inForce(o.compareTo(d) < 0 ? "C:" + o + ":" + d : "C:" + d + ":" + o, date);
      if (pair != null) {
        return Long.parseLong(pair[0]);
      }
      Airport a = airports.get(o);
      Airport b = airports.get(d);
      double p1 = Math.toRadians(a.lat());
      double p2 = Math.toRadians(b.lat());
      double dp = Math.toRadians(b.lat() - a.lat());
      double dl = Math.toRadians(b.lon() - a.lon());
      double h = Math.sin(dp / 2) * Math.sin(dp / 2)
          + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
      return Math.round(3958.7613 * 2 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h)));
    }

    /** Miles of a coupon, or null if the class does not earn there on the date. */
    Earning earn(String o, String d, String bookingClass, LocalDate date) {
      String[] model = inForce("E:" + carrier, date);
      if (model == null || !model[0].equals("DISTANCE")) {
        throw new IllegalStateException(carrier + " does not earn by DISTANCE on " + date
            + ": the generator computes expected miles only for the distance model");
      }
      String region = region(o, d);
      String[] factor = inForce("F:" + carrier + ":" + bookingClass + ":" + region, date);
      if (factor == null) {
        return null;
      }
      String[] min = inForce("M:" + carrier + ":" + region, date);
      long earned = new BigDecimal(factor[0]).multiply(BigDecimal.valueOf(distance(o, d, date)))
          .setScale(0, RoundingMode.HALF_UP).longValueExact();
      long base = Math.max(min == null ? 0 : Long.parseLong(min[0]), earned);
      long bonus = BigDecimal.valueOf(base).multiply(BigDecimal.valueOf(tierBonusPct))
          .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
      return new Earning(base, bonus, new BigDecimal(factor[1]));
    }

    /** Classes with an earn factor for the carrier and region on the date. */
    List<String> classes(String region, LocalDate date) {
      List<String> out = new ArrayList<>();
      for (char c = 'A'; c <= 'Z'; c++) {
        if (inForce("F:" + carrier + ":" + c + ":" + region, date) != null) {
          out.add(String.valueOf(c));
        }
      }
      return out;
    }
  }

  static void flown() throws Exception {
    if (membersFile == null || out == null || rulesFile == null) {
      throw new IllegalArgumentException("--members, --rules and --out are required");
    }
    if (days < 1 || days > 330) {
      throw new IllegalArgumentException("--days must be 1 to 330 (flights older than 12 months are refused)");
    }
    List<String> numbers = new ArrayList<>();
    List<String> names = new ArrayList<>();
    readMembers(numbers, names);
    FlightRules rules = new FlightRules(rulesFile);
    LocalDate today = LocalDate.now();
    // routes: each hub to every other airport, both directions; classes that earn in the region today
    List<String[]> routes = new ArrayList<>();
    for (String hub : HUBS) {
      if (!rules.airports.containsKey(hub)) {
        continue;
      }
      for (String other : rules.airports.keySet()) {
        if (!other.equals(hub) && !(List.of(HUBS).contains(other) && other.compareTo(hub) < 0)) {
          routes.add(new String[] {hub, other});
        }
      }
    }
    if (routes.isEmpty()) {
      throw new IllegalStateException("none of the hubs " + List.of(HUBS) + " is in the airports");
    }
    Map<String, List<String>> classes = new HashMap<>();
    for (String region : List.of("DOMESTIC", "INTERNATIONAL")) {
      classes.put(region, rules.classes(region, today));
    }
    long t0 = System.nanoTime();
    int m = numbers.size();
    SplittableRandom rnd = new SplittableRandom(30_000);
    long fareCents = 0;
    long expectedMiles = 0;
    long expectedBonus = 0;
    long qualifyingMiles = 0;
    BigDecimal qualifyingFlights = BigDecimal.ZERO;
    long tickets = 0;
    try (Writer w = openFile("OPENMILES-FLOWN-COUPONS", carrier, today)) {
      StringBuilder sb = new StringBuilder(160);
      for (long i = 0; i < records; i += 2, tickets++) {
        // one round trip per ticket: out on day d1 ago, back 0..3 days later (never today)
        String[] route = routes.get(rnd.nextInt(routes.size()));
        String region = rules.region(route[0], route[1]);
        List<String> cls = classes.get(region);
        String bookingClass = cls.get(rnd.nextInt(cls.size()));
        int d1 = 1 + rnd.nextInt(days);
        int d2 = Math.max(1, d1 - rnd.nextInt(4));
        int flight = 100 + 2 * rnd.nextInt(950);
        String ticket = String.format("738%010d", tickets);
        String member = prefixOf(numbers.get((int) (tickets % m)), names.get((int) (tickets % m)));
        for (int k = 0; k < 2 && i + k < records; k++) {
          String o = route[k];
          String d = route[1 - k];
          LocalDate date = today.minusDays(k == 0 ? d1 : d2);
          Earning e = rules.earn(o, d, bookingClass, date);
          if (e == null) {
            throw new IllegalStateException("class " + bookingClass + " does not earn on " + o + "-"
                + d + " on " + date + ": the earn factors change inside the --days window");
          }
          expectedMiles += e.base() + e.bonus();
          expectedBonus += e.bonus();
          qualifyingMiles += e.base();
          qualifyingFlights = qualifyingFlights.add(e.segments());
          long cents = 4_500 + rnd.nextInt(150_000); // 45.00 .. 1,544.99 USD
          fareCents += cents;
          sb.setLength(0);
          sb.append("D,").append(ticket).append(',').append(k + 1)
              .append(rnd.nextInt(10) == 0 ? ",L," : ",F,")
              .append(member)
              .append(carrier).append(',').append(carrier).append(',').append(flight + k)
              .append(',').append(date).append(',').append(o).append(',').append(d)
              .append(',').append(bookingClass).append(',').append(bookingClass).append("OW")
              .append(carrier).append(',').append(cents / 100).append('.')
              .append(cents % 100 < 10 ? "0" : "").append(cents % 100).append(",USD\n");
          w.append(sb);
        }
        if ((i + 2) % 250_000 == 0) {
          LOG.printf("  generated %,d of %,d coupons%n", i + 2, records);
        }
      }
      w.write("T," + records + "," + BigDecimal.valueOf(fareCents, 2).toPlainString() + "\n");
    }
    Map<String, String> p = new LinkedHashMap<>();
    p.put("members", Integer.toString(m));
    p.put("tickets", Long.toString(tickets));
    p.put("routes", Integer.toString(routes.size()));
    p.put("fare_total", BigDecimal.valueOf(fareCents, 2).toPlainString());
    p.put("expected_miles", Long.toString(expectedMiles));
    p.put("expected_tier_bonus", Long.toString(expectedBonus));
    p.put("expected_qualifying_miles", Long.toString(qualifyingMiles));
    p.put("expected_qualifying_flights", qualifyingFlights.toPlainString());
    writeProps(t0, p);
  }

  /** "member,last name,first name," as the detail line wants them. */
  static String prefixOf(String number, String lastName) {
    return number + "," + lastName + ",Bench,";
  }
}
