package org.openmiles.retention.api;

/**
 * What became of an engagement action: AWARDED (it fitted under the caps: points, and bonus miles
 * if the catalogue gives any), CAPPED (over a daily or lifetime cap: nothing), PENDING (a referral
 * waiting for the friend's first flight) or QUALIFIED (the friend flew; the points and miles follow
 * through the outbox within a second, and it becomes AWARDED or CAPPED).
 */
public enum ActionStatus {
  AWARDED,
  CAPPED,
  PENDING,
  QUALIFIED
}
