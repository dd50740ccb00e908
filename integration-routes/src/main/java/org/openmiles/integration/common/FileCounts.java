package org.openmiles.integration.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.openmiles.accrual.api.FileSummary;

/**
 * Files processed by this instance since it started, and their records by outcome: the counters
 * behind {@code openmiles_files_processed_total} and {@code openmiles_file_records_*_total} ({@code
 * rate()} of the records gives records per second). One set per application, like the routes it
 * counts.
 */
public final class FileCounts {
  private static final LongAdder FILES = new LongAdder();
  private static final LongAdder RECORDS = new LongAdder();
  private static final LongAdder CREDITED = new LongAdder();
  private static final LongAdder REVERSED = new LongAdder();
  private static final LongAdder PARKED = new LongAdder();
  private static final LongAdder DUPLICATES = new LongAdder();
  private static final LongAdder REJECTED = new LongAdder();

  private FileCounts() {}

  /** A file whose records were processed (a refused file counts no records). */
  static void processed(FileSummary s) {
    FILES.increment();
    RECORDS.add(s.records());
    CREDITED.add(s.accepted());
    REVERSED.add(s.reversed());
    PARKED.add(s.parked());
    DUPLICATES.add(s.duplicates());
    REJECTED.add(s.rejected());
  }

  /** The counters, by metric name without the {@code openmiles_} prefix. */
  public static Map<String, Number> gauges() {
    Map<String, Number> out = new LinkedHashMap<>();
    out.put("files_processed_total", FILES.sum());
    out.put("file_records_total", RECORDS.sum());
    out.put("file_records_credited_total", CREDITED.sum());
    out.put("file_records_reversed_total", REVERSED.sum());
    out.put("file_records_parked_total", PARKED.sum());
    out.put("file_records_duplicate_total", DUPLICATES.sum());
    out.put("file_records_rejected_total", REJECTED.sum());
    return out;
  }
}
