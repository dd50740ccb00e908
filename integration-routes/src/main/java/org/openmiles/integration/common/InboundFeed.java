package org.openmiles.integration.common;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.openmiles.accrual.api.InboundFileSink;

/**
 * One inbound feed as its file route sees it (a partner's activity files, the airline's flown
 * coupons or bookings): its folder tree, who sends its files, how one file is read and where its
 * records go. {@link InboundFileProcessor} processes every feed's files the same way.
 *
 * @param base the feed's folder tree ({@link FileSettings#FOLDERS} under it)
 * @param sender the only sender its files may come from: the partner code or the host carrier
 * @param reader makes the reader of one file (a new one per file: it may keep what the header said)
 * @param sink where the records go
 * @param <R> a well-formed record of the feed
 */
public record InboundFeed<R>(
    Path base, String sender, Supplier<Feed<R>> reader, InboundFileSink<R> sink) {

  /** Where the acknowledgement and reject files go. */
  public Path outbound() {
    return base.resolve("outbound");
  }

  /** The feed as the {@link FileOwner} watches its folders; {@code label} names it in the log. */
  FileOwner.Watched watched(String label) {
    Feed<R> format = reader.get();
    return new FileOwner.Watched(
        base,
        label,
        format.senderLabel(),
        sender,
        format.formatName() + " " + format.formatVersion());
  }
}
