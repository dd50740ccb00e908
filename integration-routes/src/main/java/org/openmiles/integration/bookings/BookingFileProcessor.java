package org.openmiles.integration.bookings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.camel.Exchange;
import org.openmiles.accrual.api.BookedSegment;
import org.openmiles.accrual.api.BookingAccrual;
import org.openmiles.integration.bootstrap.ContainerWork;
import org.openmiles.integration.common.BadRecord;
import org.openmiles.integration.common.Feed;
import org.openmiles.integration.common.FileSettings;
import org.openmiles.integration.common.TwoPassFileProcessor;

/**
 * Booking files ({@link BookingFileFormat}) through the {@link TwoPassFileProcessor}: segments go
 * to {@link BookingAccrual} in chunks; the answer files go to {@code airline/bookings/outbound/}.
 */
@ApplicationScoped
public class BookingFileProcessor {
  public static final String FEED = "bookings";
  public static final String FOLDER_HEADER = "openmilesFolder";

  @Inject BookingAccrual accrual;
  @Inject FileSettings settings;
  @Inject Clock clock;
  @Inject ContainerWork container;

  public void process(Exchange exchange) throws IOException {
    File file = exchange.getIn().getBody(File.class);
    String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
    exchange.getIn().setHeader(FOLDER_HEADER, handle(file.toPath(), name));
  }

  /** Processes one booking file; returns the folder it belongs in now. */
  public String handle(Path path, String name) throws IOException {
    return new TwoPassFileProcessor<>(new BookingFeed(), accrual, settings, clock, container)
        .handle(path, name, accrual.hostCarrier(), settings.airlineFolder(FEED, "outbound"));
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
