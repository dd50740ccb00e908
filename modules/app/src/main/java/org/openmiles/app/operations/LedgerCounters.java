package org.openmiles.app.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.events.MilesPosted;
import org.openmiles.common.operations.OperationalFacts;

/**
 * Ledger entries and miles this instance committed since it started, by entry type, counted from
 * the committed {@link MilesPosted} batches (file chunks, API postings, captures, expiry runs):
 * Prometheus sums the instances and takes the rate ({@code
 * rate(openmiles_ledger_entries_total[5m])} is the postings per second). Counters of this process,
 * not the ledger's totals: those are in the console's dashboard.
 */
@ApplicationScoped
public class LedgerCounters implements OperationalFacts {
  private final Map<EntryType, LongAdder> entries = new ConcurrentHashMap<>();
  private final Map<EntryType, LongAdder> miles = new ConcurrentHashMap<>();

  void onPosted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MilesPosted posted) {
    for (MilesPosted.Entry e : posted.entries()) {
      entries.computeIfAbsent(e.type(), t -> new LongAdder()).increment();
      miles.computeIfAbsent(e.type(), t -> new LongAdder()).add(Math.abs(e.miles()));
    }
  }

  @Override
  public String name() {
    return "ledger";
  }

  @Override
  public boolean up() {
    return true;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> out = new LinkedHashMap<>();
    entries.forEach((t, n) -> out.put(t.name().toLowerCase() + "Entries", n.sum()));
    return out;
  }

  @Override
  public Map<String, Number> gauges() {
    Map<String, Number> out = new LinkedHashMap<>();
    long all = 0;
    long allMiles = 0;
    for (EntryType t : EntryType.values()) {
      long n = entries.getOrDefault(t, new LongAdder()).sum();
      long m = miles.getOrDefault(t, new LongAdder()).sum();
      out.put("ledger_entries_" + t.name().toLowerCase(), n);
      all += n;
      allMiles += m;
    }
    out.put("ledger_entries_total", all);
    out.put("ledger_miles_total", allMiles);
    return out;
  }
}
