package org.openmiles.accrual.api;

/**
 * The answer to "may this file be processed?": NEW, RESUMED (a run of the same file was
 * interrupted; its records are recognised and not credited twice) or DUPLICATE (the same content
 * was already processed or rejected: {@code previousFileId} says which).
 */
public record FileRegistration(long fileId, Status status, long previousFileId) {
  public enum Status {
    NEW,
    RESUMED,
    DUPLICATE
  }
}
