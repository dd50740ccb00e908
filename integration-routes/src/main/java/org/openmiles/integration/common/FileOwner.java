package org.openmiles.integration.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.openmiles.accrual.api.FileOwnership;
import org.openmiles.accrual.api.InboundPickUps;

/**
 * This instance as a file worker (ADR 0024): it claims each file in the database before it works on
 * it, renews its lease, and, every {@link FileSettings#ownershipCheckMillis()}, looks at the
 * watched folders:
 *
 * <ul>
 *   <li>a file in {@code processing/} whose claim belongs to a worker whose lease ran out (the
 *       process died) goes back to {@code inbound/}, and its next run resumes it; a live worker's
 *       file is never touched;
 *   <li>a file in {@code processing/} that nobody claims, at two checks in a row, goes back too (a
 *       process died between picking it up and claiming it);
 *   <li>an entry of {@code inbound/} that would be picked up but is not a regular file (a symbolic
 *       link, a pipe, a folder named {@code *.csv}) or is a hard link is refused with an answer,
 *       without being read; so is a hidden upload left unwritten for too long.
 * </ul>
 *
 * It decides by the database's record of owners, never by file times: a file that a killed process
 * touched a second ago is recovered once that process's lease has run out.
 */
@ApplicationScoped
public class FileOwner {
  private static final Logger LOG = Logger.getLogger(FileOwner.class.getName());

  /** A feed's folder tree and what its answers say about the sender. */
  public record Watched(
      Path base, String label, String senderLabel, String sender, String format) {}

  @Inject FileOwnership ownership;
  @Inject InboundPickUps pickUps;
  @Inject FileSettings settings;

  private final String worker = UUID.randomUUID().toString();
  private final Map<Path, Watched> watched = new ConcurrentHashMap<>();
  private final Set<Path> unclaimedAtLastCheck = ConcurrentHashMap.newKeySet();
  private IdempotentRepository readLock;

  /** Settings and ownership given directly, for tests outside the container. */
  public static FileOwner of(FileOwnership ownership, FileSettings settings) {
    return of(ownership, null, settings);
  }

  /**
   * Settings, ownership and pick-ups given directly, for tests outside the container; without
   * pick-ups, files are taken through a read lock in this process's memory.
   */
  public static FileOwner of(
      FileOwnership ownership, InboundPickUps pickUps, FileSettings settings) {
    FileOwner o = new FileOwner();
    o.ownership = ownership;
    o.pickUps = pickUps;
    o.settings = settings;
    return o;
  }

  /**
   * The repository of the read lock every inbound route takes a file with (ADR 0032): a file is
   * taken by one instance of the cluster, recorded in the database under this worker.
   */
  public synchronized IdempotentRepository readLock() {
    if (readLock == null) {
      readLock =
          pickUps == null
              ? MemoryIdempotentRepository.memoryIdempotentRepository()
              : new ClusterReadLock(pickUps, this, settings);
    }
    return readLock;
  }

  /** This worker's id in {@code accrual.file_worker}. */
  public String worker() {
    return worker;
  }

  /** Adds a feed's folder tree to the periodic check. */
  public void watch(Watched folder) {
    watched.put(folder.base(), folder);
  }

  /**
   * Claims {@code file} (in a feed's {@code processing/}) for this worker before any work on it
   * starts; the claim holds until {@link ClaimedFile#release()}, however many times the work runs
   * in between (a route's runs again after a transient fault), so no other worker takes the file
   * back while this one still works on it.
   */
  public ClaimedFile claim(Path file) {
    String folder = settings.folderKey(file.getParent().getParent());
    String name = file.getFileName().toString();
    ownership.renew(worker, host(), settings.leaseSeconds());
    ownership.claim(worker, folder, name);
    return new ClaimedFile(folder, name);
  }

  /** A file this worker has claimed. */
  public final class ClaimedFile {
    private final String folder;
    private final String name;

    private ClaimedFile(String folder, String name) {
      this.folder = folder;
      this.name = name;
    }

    /**
     * Drops the claim. If the database cannot be reached, the claim stays until the same name is
     * claimed again: it names a file that has left {@code processing/}, which no check looks at.
     */
    public void release() {
      try {
        ownership.release(worker, folder, name);
      } catch (RuntimeException e) {
        LOG.warning(() -> "cannot release the claim on " + folder + "/" + name + ": " + e);
      }
    }
  }

  /** The periodic check: renews the lease, then looks at every watched folder. */
  public void check() {
    ownership.renew(worker, host(), settings.leaseSeconds());
    for (Watched w : watched.values()) {
      try {
        recover(w.base(), w.label());
        refuseIrregular(w);
      } catch (IOException | RuntimeException e) {
        LOG.warning(() -> w.label() + ": cannot check the folders: " + e);
      }
    }
  }

  private void recover(Path base, String label) throws IOException {
    String folder = settings.folderKey(base);
    Map<String, FileOwnership.Claim> claims = ownership.claims(folder, settings.leaseSeconds());
    Set<Path> unclaimed = new HashSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(base.resolve("processing"))) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        FileOwnership.Claim claim = claims.get(name);
        if (claim == null) {
          if (unclaimedAtLastCheck.contains(f)) {
            moveBack(base, f, label, "nobody claimed it");
          } else {
            unclaimed.add(f);
          }
        } else if (!claim.alive()
            && ownership.takeOver(worker, folder, name, claim.worker(), settings.leaseSeconds())) {
          try {
            moveBack(base, f, label, "its worker " + claim.worker() + " is gone");
          } finally {
            ownership.release(worker, folder, name);
          }
        }
      }
    }
    unclaimedAtLastCheck.removeIf(p -> p.startsWith(base));
    unclaimedAtLastCheck.addAll(unclaimed);
  }

  private static void moveBack(Path base, Path f, String label, String why) throws IOException {
    Path target = base.resolve("inbound").resolve(f.getFileName());
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      LOG.warning(
          () ->
              label
                  + ": "
                  + f.getFileName()
                  + " was interrupted, but inbound/ has a file of that name; it waits");
      return;
    }
    Files.move(f, target, StandardCopyOption.ATOMIC_MOVE);
    LOG.warning(
        () ->
            label + ": " + f.getFileName() + " was interrupted (" + why + "); it will be resumed");
  }

  /**
   * Entries of {@code inbound/} that must not be read are answered and moved to {@code rejects/},
   * never opened: with a name that would be picked up, links and special files ({@link
   * InboundEntries#unreadable}); with a hidden name, uploads nobody has written to for longer than
   * {@link FileSettings#hiddenMaxAge()} ({@link InboundEntries#abandoned}), so that no file waits
   * in {@code inbound/} for ever without an answer.
   */
  private void refuseIrregular(Watched w) throws IOException {
    Instant now = Instant.now();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(w.base().resolve("inbound"))) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        Optional<InboundEntries.Refusal> refusal =
            InboundFolder.picksUp(name)
                ? InboundEntries.unreadable(f)
                : InboundEntries.hidden(name)
                    ? InboundEntries.abandoned(f, now, settings.hiddenMaxAge())
                    : Optional.empty();
        if (refusal.isPresent()) {
          String answered = InboundEntries.intendedName(name);
          OutboundFiles.writeRefusal(
              w.base().resolve("outbound"),
              name,
              answered,
              w.senderLabel(),
              w.sender(),
              w.format(),
              refusal.get());
          Files.move(
              f,
              w.base().resolve("rejects").resolve(InboundFolder.timestamped(answered)),
              StandardCopyOption.ATOMIC_MOVE);
          LOG.warning(() -> w.label() + ": " + name + " refused unread: " + refusal.get().code());
        }
      }
    }
  }

  private static String host() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName()
          + "/"
          + ProcessHandle.current().pid();
    } catch (IOException e) {
      return "unknown/" + ProcessHandle.current().pid();
    }
  }
}
