package org.openmiles.console.domain;

/**
 * Where a goodwill adjustment stands: POSTED at once (within the requester's limit), PENDING a
 * supervisor, then APPROVED (and posted) or REJECTED. All but PENDING are final.
 */
public enum AdjustmentStatus {
  PENDING,
  POSTED,
  APPROVED,
  REJECTED
}
