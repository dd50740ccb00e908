package org.openmiles.accrual.domain;

/**
 * A line of a received file ({@code accrual.inbound_file}): the file's id and the line number in
 * it; zeros when a stored record has none (a claim brought it, or it was not reversed).
 */
public record FileLine(long fileId, long lineNo) {

  /** Whether this is line {@code lineNo} of file {@code fileId}. */
  public boolean is(long fileId, long lineNo) {
    return this.fileId == fileId && this.lineNo == lineNo;
  }
}
