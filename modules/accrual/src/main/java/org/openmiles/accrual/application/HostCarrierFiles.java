package org.openmiles.accrual.application;

import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.accrual.api.FileRegistration;
import org.openmiles.accrual.api.FileSummary;
import org.openmiles.accrual.api.InboundFileSink;
import org.openmiles.accrual.domain.PartnerFileRepository;

/**
 * The file side of a feed that only the host carrier sends (flown coupons, bookings): its files are
 * registered under the host carrier and the feed's name, so the same content is recognised as a
 * duplicate whatever it is called, and another sender is refused.
 */
abstract class HostCarrierFiles<T> implements InboundFileSink<T> {
  private final String feed;
  private final String description;

  @Inject PartnerFileRepository files;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "openmiles.accrual.host-carrier", defaultValue = "VN")
  String hostCarrier;

  /** {@code feed} as stored with the file, {@code description} for messages ("booking files"). */
  HostCarrierFiles(String feed, String description) {
    this.feed = feed;
    this.description = description;
  }

  public String hostCarrier() {
    return hostCarrier;
  }

  @Override
  public FileRegistration registerFile(String sender, String fileName, String checksum) {
    if (!hostCarrier.equals(sender)) {
      throw new IllegalArgumentException(
          description + " come from the host carrier " + hostCarrier + ", not " + sender);
    }
    return files.registerFile(hostCarrier, feed, fileName, checksum, clock.instant());
  }

  @Override
  public void completeFile(long fileId, FileSummary summary) {
    files.completeFile(fileId, summary, clock.instant());
  }

  @Override
  public void rejectFile(long fileId, String reason, int recordCount) {
    files.rejectFile(fileId, reason, recordCount, clock.instant());
  }

  @Override
  public void failFile(long fileId, String reason) {
    files.failFile(fileId, reason, clock.instant());
  }
}
