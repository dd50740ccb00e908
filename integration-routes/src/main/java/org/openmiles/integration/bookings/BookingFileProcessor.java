package org.openmiles.integration.bookings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.accrual.api.BookedSegment;
import org.openmiles.accrual.api.BookingAccrual;
import org.openmiles.accrual.api.InboundFileSink;
import org.openmiles.integration.common.AirlineFileProcessor;
import org.openmiles.integration.common.BadRecord;
import org.openmiles.integration.common.Feed;

/** Booking files ({@link BookingFileFormat}): segments go to {@link BookingAccrual} in chunks. */
@ApplicationScoped
public class BookingFileProcessor extends AirlineFileProcessor<BookedSegment> {
  public static final String FEED = "bookings";

  @Inject BookingAccrual accrual;

  public BookingFileProcessor() {
    super(FEED);
  }

  @Override
  protected InboundFileSink<BookedSegment> sink() {
    return accrual;
  }

  @Override
  protected String hostCarrier() {
    return accrual.hostCarrier();
  }

  @Override
  protected Feed<BookedSegment> newFeed() {
    return new BookingFeed();
  }

  /**
   * The feed of one file. The checking pass reads the header first, so the file date it keeps is
   * known before the first detail record of the processing pass.
   */
  private final class BookingFeed implements Feed<BookedSegment> {
    private LocalDate fileDate;

    @Override
    public String senderLabel() {
      return "carrier";
    }

    @Override
    public String formatName() {
      return BookingFileFormat.NAME;
    }

    @Override
    public String formatVersion() {
      return BookingFileFormat.VERSION;
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
      return BookingFileFormat.detail(fields, line, today, settings.maxAgeMonths(), fileDate);
    }

    @Override
    public String identity(BookedSegment record) {
      return "segment " + record.key();
    }
  }
}
