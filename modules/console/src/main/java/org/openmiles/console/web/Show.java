package org.openmiles.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the console shows values to agents, one way on every page ({@code #{show.time(...)}} and the
 * like): times in the airline's zone to the minute, miles and counts with thousand separators, and
 * labels instead of codes.
 */
@Named("show")
@ApplicationScoped
public class Show {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.ENGLISH);

  @Inject AirlineTime airline;

  /** "24 Nov 2026 14:31 ICT": the airline's zone, no seconds; empty for none. */
  public String time(Instant at) {
    return at == null ? "" : TIME.format(at.atZone(airline.zone()));
  }

  /** "12,345" or "-1,000"; empty for none. */
  public String number(Number n) {
    if (n == null) {
      return "";
    }
    // DecimalFormat is not thread-safe: one per call, which is cheap next to rendering a page
    return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ENGLISH))
        .format(n);
  }

  /** "12,345" or "-1,000": {@link #number} for the messages beans write. */
  static String grouped(long n) {
    return String.format(Locale.ENGLISH, "%,d", n);
  }

  /** "One way" for {@code ONE_WAY}, "Pending review" for {@code PENDING_REVIEW}; empty for none. */
  public String label(Object code) {
    return code == null ? "" : words(code instanceof Enum<?> e ? e.name() : code.toString());
  }

  private static String words(String code) {
    if (code.isEmpty() || !code.equals(code.toUpperCase(Locale.ROOT))) {
      return code; // not a code: a name or a sentence, shown as it is
    }
    String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
