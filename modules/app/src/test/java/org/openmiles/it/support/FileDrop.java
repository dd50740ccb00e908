package org.openmiles.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** Drops files into a feed's folders the way a sender should, and reads the answers back. */
public final class FileDrop {
  private static final AtomicLong TICKETS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  private FileDrop() {}

  /**
   * The file tree of the server under test ({@code OPENMILES_FILES_ROOT}, set by ./openmiles test).
   */
  public static Path filesRoot() {
    String root = System.getenv("OPENMILES_FILES_ROOT");
    assertThat(root).as("OPENMILES_FILES_ROOT is set by ./openmiles test").isNotBlank();
    return Path.of(root);
  }

  /** The folder of partner {@code code} (its inbound, processing and outbound folders below). */
  public static Path partnerFolder(String code) {
    return filesRoot().resolve("partners").resolve(code);
  }

  /** The header of a partner activity file (version 1) of {@code partner}, dated today. */
  public static String partnerHeader(String partner) {
    return "H,OPENMILES-PARTNER-ACTIVITY,1," + partner + "," + LocalDate.now() + ",IT\n";
  }

  /**
   * A STAY_NIGHT record of a partner activity file (version 1) for {@code member} (last name Test):
   * {@code nights} nights on {@code day}.
   */
  public static String stayNights(
      String tx, String member, String day, int nights, String description) {
    return partnerRecord(tx, member, "Test", day, "STAY_NIGHT", nights, "", description);
  }

  /**
   * A record of a partner activity file (version 1) for {@code member} known to the partner as
   * {@code lastName}: {@code quantity} of {@code basis} ({@code currency} for SPEND, else "") on
   * {@code day}.
   */
  public static String partnerRecord(
      String tx,
      String member,
      String lastName,
      String day,
      String basis,
      long quantity,
      String currency,
      String description) {
    return String.join(
            ",",
            "D",
            tx,
            member,
            lastName,
            day,
            basis,
            String.valueOf(quantity),
            currency,
            description)
        + "\n";
  }

  /** A fresh 13-digit ticket number (738 = Vietnam Airlines' accounting code). */
  public static String ticket() {
    return "738" + String.format("%010d", TICKETS.incrementAndGet() % 10_000_000_000L);
  }

  /**
   * Writes {@code content} under a temporary name in {@code base/inbound}, renames it, and waits
   * for its acknowledgement in {@code base/outbound}; returns the acknowledgement's rows by key.
   */
  public static Map<String, String> drop(Path base, String name, String content) throws Exception {
    Path part = base.resolve("inbound").resolve(name + ".part");
    Files.writeString(part, content, StandardCharsets.UTF_8);
    Files.move(part, base.resolve("inbound").resolve(name));
    Path ack = base.resolve("outbound").resolve(name + ".ack.csv");
    return awaitLines(ack, Duration.ofSeconds(30), "acknowledgement of " + name).stream()
        .skip(1)
        .map(l -> l.split(",", 2))
        .collect(Collectors.toMap(p -> p[0], p -> p[1].replaceAll("^\"|\"$", "")));
  }

  /**
   * The lines of {@code file} once it exists (the server writes it when it is done), waiting up to
   * {@code timeout}; fails naming it {@code what} if it never comes.
   */
  public static List<String> awaitLines(Path file, Duration timeout, String what)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(file) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(file).as(what).exists();
    return Files.readAllLines(file);
  }

  /**
   * Waits up to {@code timeout} for {@code file} to be gone (the server moves an entry away after
   * it has answered it); fails naming it {@code what} if it stays.
   */
  public static void awaitGone(Path file, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (Files.exists(file) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(file).as(what).doesNotExist();
  }

  /** The rows of the file's reject file, without the header. */
  public static List<String> rejects(Path base, String name) throws IOException {
    return Files.readAllLines(base.resolve("outbound").resolve(name + ".rejects.csv")).stream()
        .skip(1)
        .toList();
  }

  /** The reject file's {@code line,code} pairs. */
  public static List<String> rejectCodes(Path base, String name) throws IOException {
    return rejects(base, name).stream()
        .map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1)))
        .toList();
  }

  /** One flown-coupon record (OPENMILES-FLOWN-COUPONS 1) of VN, base fare {@code fare} in USD. */
  public static String flownCoupon(
      String ticket,
      int no,
      char status,
      String member,
      String lastName,
      String flightNumber,
      String date,
      String route,
      String cls,
      String fare) {
    String[] od = route.split("-");
    return String.join(
            ",",
            "D",
            ticket,
            String.valueOf(no),
            String.valueOf(status),
            member,
            lastName,
            "An",
            "VN",
            "VN",
            flightNumber,
            date,
            od[0],
            od[1],
            cls,
            cls + "OWVN",
            fare,
            "USD")
        + "\n";
  }

  /**
   * A flown-coupon file around {@code lines}: header, the records, trailer with count and total.
   */
  public static String flownFile(String... lines) {
    BigDecimal total = BigDecimal.ZERO;
    for (String l : lines) {
      total = total.add(new BigDecimal(l.split(",")[15]));
    }
    return "H,OPENMILES-FLOWN-COUPONS,1,VN,"
        + LocalDate.now()
        + ","
        + Api.unique()
        + "\n"
        + String.join("", lines)
        + "T,"
        + lines.length
        + ","
        + total.toPlainString()
        + "\n";
  }
}
