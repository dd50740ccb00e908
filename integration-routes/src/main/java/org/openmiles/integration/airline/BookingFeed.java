package org.openmiles.integration.airline;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.accrual.api.BookedSegment;
import org.openmiles.integration.common.BadRecord;

/**
 * The booking format ({@link BookingFileFormat}) as a feed. One instance reads one file: the
 * checking pass reads the header first, so the file date it keeps is known before the first detail
 * record of the processing pass.
 */
final class BookingFeed extends CarrierFeed<BookedSegment> {
  private final Clock clock;
  private final int maxAgeMonths;
  private LocalDate fileDate;

  BookingFeed(Clock clock, int maxAgeMonths) {
    super(BookingFileFormat.NAME, BookingFileFormat.VERSION);
    this.clock = clock;
    this.maxAgeMonths = maxAgeMonths;
  }

  @Override
  public void checkHeader(List<String> fields, String sender) throws BadRecord {
    fileDate = BookingFileFormat.checkHeader(fields, sender, LocalDate.now(clock));
  }

  @Override
  public BigDecimal controlAmount(List<String> fields) {
    return BookingFileFormat.controlAmount(fields);
  }

  @Override
  public BookedSegment detail(List<String> fields, String sender, long line, LocalDate today)
      throws BadRecord {
    if (fileDate == null) {
      throw new IllegalStateException("the header must be checked before the records");
    }
    return BookingFileFormat.detail(fields, line, today, maxAgeMonths, fileDate);
  }

  @Override
  public String identity(BookedSegment record) {
    return "segment " + record.key();
  }
}
