package org.openmiles.common.observability;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * The correlation id of the work this thread is doing (ADR 0035): set where work enters (an HTTP
 * request, an inbound file, a scheduled job, an outbox delivery), written with every ledger entry,
 * outbox event and API audit row that work makes, and added to every log line it writes.
 *
 * <p>A thread-local, so work handed to another thread carries it over explicitly ({@link
 * #carriedTo(Callable)}).
 */
public final class Correlation {
  /** The HTTP header that brings a caller's id in and takes the id of each answer out. */
  public static final String HEADER = "X-Request-Id";

  /** The longest id kept; a database column holds this many characters. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private Correlation() {}

  /** The id of the work on this thread, if any. */
  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The id of the work on this thread, or null: for a nullable database column. */
  public static String currentOrNull() {
    return CURRENT.get();
  }

  /**
   * Makes {@code id} this thread's correlation id until the returned scope is closed, which puts
   * back the one before (scopes nest: a job that delivers an outbox event, say).
   */
  public static Scope open(String id) {
    String before = CURRENT.get();
    CURRENT.set(id);
    return () -> {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    };
  }

  /**
   * A caller's id if it is one we keep (1 to 64 letters, digits and {@code . _ : / -}, starting
   * with a letter or digit: nothing that could break a log line or a header), else a new one.
   */
  public static String acceptOrNew(String callers, String prefix) {
    return callers != null && ACCEPTED.matcher(callers).matches() ? callers : newId(prefix);
  }

  /** A new id: {@code prefix}, a dash and 20 random hex digits ({@code req-4f1c...}). */
  public static String newId(String prefix) {
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    StringBuilder id = new StringBuilder(prefix.length() + 21).append(prefix).append('-');
    for (byte b : bytes) {
      id.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
    }
    return id.toString();
  }

  /**
   * {@code work} wrapped to run under this thread's current id on whichever thread calls it (a
   * pool's); unchanged if there is none.
   */
  public static <T> Callable<T> carriedTo(Callable<T> work) {
    String id = CURRENT.get();
    if (id == null) {
      return work;
    }
    return () -> {
      try (Scope s = open(id)) {
        return work.call();
      }
    };
  }

  /** Puts back the id that was current before {@link #open(String)}. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
