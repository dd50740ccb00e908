package org.openmiles.accrual.api;

import java.util.List;

/**
 * Where the records of one kind of inbound file go. The file adapter registers a file by content,
 * hands its well-formed records over in chunks (one transaction each), and completes or rejects the
 * file; the sink recognises records it has seen, so a re-sent file or a resumed run never counts a
 * record twice.
 *
 * @param <R> a well-formed record of the file
 */
public interface InboundFileSink<R> {

  /** Registers a file of {@code sender} by content checksum (SHA-256, hex). */
  FileRegistration registerFile(String sender, String fileName, String checksum);

  /** Handles one chunk of records in one transaction; one result per record, in order. */
  List<ActivityResult> credit(long fileId, List<R> chunk);

  /** Records a processed file's counts. */
  void completeFile(long fileId, FileSummary summary);

  /** Records that a file was refused whole (bad header, trailer, encoding), with the reason. */
  void rejectFile(long fileId, String reason, int recordCount);

  /**
   * Records that a fault stopped the file (the database down, a full disk, a bug), with the reason
   * for the staff who look at it. The file may be sent again: its next run resumes it.
   */
  void failFile(long fileId, String reason);
}
