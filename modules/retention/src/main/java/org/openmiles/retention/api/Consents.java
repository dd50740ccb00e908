package org.openmiles.retention.api;

import org.openmiles.accounts.api.MemberNumber;

/**
 * Marketing consent per member and channel (docs/retention.md, Consent). Every decision is kept
 * (the history is append-only); the latest one per channel is the member's consent.
 */
public interface Consents {

  /**
   * Records a decision. One equal to the member's current decision for the channel changes nothing
   * and is not appended again ({@code changed} false).
   *
   * @throws org.openmiles.accounts.api.MemberNotFoundException for an unknown member
   */
  Recorded record(RecordConsent decision);

  /** The member's current consents and their history. */
  MemberConsentsView consents(MemberNumber member);

  /** A recorded decision and whether it changed the member's consent. */
  record Recorded(ConsentView consent, boolean changed) {}
}
