package org.openmiles.integration.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where files live and how they are read. Under {@code openmiles.files.root} each partner has
 * {@code partners/<CODE>/} with {@code inbound/} (drop files here), {@code processing/}, {@code
 * archive/}, {@code rejects/} (files refused whole, and duplicates), {@code failed/} (files a fault
 * stopped) and {@code outbound/} (acknowledgement and reject files for the partner).
 */
@ApplicationScoped
public class FileSettings {
  public static final List<String> FOLDERS =
      List.of("inbound", "processing", "archive", "rejects", "failed", "outbound");

  @Inject
  @ConfigProperty(name = "openmiles.files.root", defaultValue = ".openmiles/files")
  String root;

  @Inject
  @ConfigProperty(name = "openmiles.files.poll-ms", defaultValue = "2000")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "openmiles.files.chunk", defaultValue = "2000")
  int chunkSize;

  @Inject
  @ConfigProperty(name = "openmiles.files.max-line-length", defaultValue = "4096")
  int maxLineLength;

  @Inject
  @ConfigProperty(name = "openmiles.accrual.max-age-months", defaultValue = "12")
  int maxAgeMonths;

  /**
   * How long a file worker's lease lasts without renewal (ADR 0024): after that, the files it
   * claimed are taken back by another worker (or by itself after a restart) and resumed.
   */
  @Inject
  @ConfigProperty(name = "openmiles.files.lease-seconds", defaultValue = "30")
  int leaseSeconds;

  /**
   * Chunks of one file credited at the same time, each in its own transaction (1: one after the
   * other). See {@link ChunkCrediting} for what keeps this exactly-once and in file order.
   */
  @Inject
  @ConfigProperty(name = "openmiles.files.credit-threads", defaultValue = "2")
  int creditThreads;

  /**
   * How long a hidden upload ({@code .name}) may stay in {@code inbound/} without being written to
   * before it is answered {@code INCOMPLETE_UPLOAD} and moved to {@code rejects/}.
   */
  @Inject
  @ConfigProperty(name = "openmiles.files.hidden-max-age-minutes", defaultValue = "60")
  long hiddenMaxAgeMinutes;

  /**
   * How many times a file route runs a file again after a transient database fault (a connection
   * refused or lost, a deadlock or serialization failure that outlasted the unit's own retries)
   * before it gives up and moves the file to {@code failed/}; see {@link FileRouteConfiguration}.
   */
  @Inject
  @ConfigProperty(name = "openmiles.files.redeliveries", defaultValue = "4")
  int redeliveries;

  /** The pause before the first of those runs, in ms; it doubles before each further one. */
  @Inject
  @ConfigProperty(name = "openmiles.files.redelivery-delay-ms", defaultValue = "1000")
  long redeliveryDelayMillis;

  /** The container's thread factory, so crediting threads can call container services. */
  @jakarta.annotation.Resource jakarta.enterprise.concurrent.ManagedThreadFactory managedThreads;

  /** Settings given directly, for tests and tools outside the container. */
  public static FileSettings of(String root, int chunkSize, int maxLineLength, int maxAgeMonths) {
    FileSettings s = new FileSettings();
    s.root = root;
    s.pollMillis = 1000;
    s.chunkSize = chunkSize;
    s.maxLineLength = maxLineLength;
    s.maxAgeMonths = maxAgeMonths;
    s.leaseSeconds = 30;
    s.creditThreads = 1;
    s.hiddenMaxAgeMinutes = 60;
    s.redeliveries = 4;
    s.redeliveryDelayMillis = 1000;
    return s;
  }

  /** The same settings with {@code redeliveries} runs again after {@code delayMillis} (tests). */
  public FileSettings withRedeliveries(int redeliveries, long delayMillis) {
    FileSettings s = of(root, chunkSize, maxLineLength, maxAgeMonths);
    s.redeliveries = redeliveries;
    s.redeliveryDelayMillis = delayMillis;
    return s;
  }

  /** Runs again after a transient database fault: 0 to 10. */
  public int redeliveries() {
    return Math.max(0, Math.min(10, redeliveries));
  }

  /** The pause before the first run again, in ms: at least 1. */
  public long redeliveryDelayMillis() {
    return Math.max(1, redeliveryDelayMillis);
  }

  /** The same settings with {@code threads} crediting threads (tests). */
  public FileSettings withCreditThreads(int threads) {
    FileSettings s = of(root, chunkSize, maxLineLength, maxAgeMonths);
    s.creditThreads = threads;
    return s;
  }

  /** Chunks credited at the same time: 1 to 4. */
  public int creditThreads() {
    return Math.max(1, Math.min(4, creditThreads));
  }

  /** Makes crediting threads: the container's in the server, plain ones outside it (tests). */
  public java.util.concurrent.ThreadFactory creditThreadFactory() {
    return managedThreads != null
        ? managedThreads
        : java.util.concurrent.Executors.defaultThreadFactory();
  }

  /** How long a hidden upload may go unwritten before it is answered: at least a minute. */
  public java.time.Duration hiddenMaxAge() {
    return java.time.Duration.ofMinutes(Math.max(1, hiddenMaxAgeMinutes));
  }

  /** A worker's lease, in seconds: at least 3. */
  public int leaseSeconds() {
    return Math.max(3, leaseSeconds);
  }

  /** How often the lease is renewed and the folders checked: three times per lease. */
  public long ownershipCheckMillis() {
    return leaseSeconds() * 1000L / 3;
  }

  /**
   * A feed's folder tree as named in the database: its path under the files root ({@code
   * partners/DEMO_HOTEL}), the same on every instance that mounts the root.
   */
  public String folderKey(Path base) {
    Path root = Path.of(this.root).toAbsolutePath().normalize();
    return root.relativize(base.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /** The files root: {@code partners/<CODE>/...} and {@code airline/<feed>/...} lie under it. */
  public Path root() {
    return Path.of(root).toAbsolutePath();
  }

  public Path partnerFolder(String partnerCode, String folder) {
    return Path.of(root).toAbsolutePath().resolve("partners").resolve(partnerCode).resolve(folder);
  }

  /** A folder of one of the airline's own feeds: {@code airline/<feed>/<folder>}. */
  public Path airlineFolder(String feed, String folder) {
    return Path.of(root).toAbsolutePath().resolve("airline").resolve(feed).resolve(folder);
  }

  /** Creates the partner's folder tree if missing. */
  public void createPartnerFolders(String partnerCode) {
    createFolders(partnerFolder(partnerCode, "inbound").getParent());
  }

  /** Creates the folder tree of one of the airline's own feeds if missing. */
  public void createAirlineFolders(String feed) {
    createFolders(airlineFolder(feed, "inbound").getParent());
  }

  /** Creates a feed's folder tree ({@link #FOLDERS} under {@code base}) if missing. */
  static void createFolders(Path base) {
    try {
      for (String f : FOLDERS) {
        Files.createDirectories(base.resolve(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folders under " + base, e);
    }
  }

  public long pollMillis() {
    return pollMillis;
  }

  public int chunkSize() {
    return chunkSize;
  }

  public int maxLineLength() {
    return maxLineLength;
  }

  public int maxAgeMonths() {
    return maxAgeMonths;
  }
}
