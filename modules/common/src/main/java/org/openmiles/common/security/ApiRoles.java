package org.openmiles.common.security;

import java.util.Set;

/**
 * The roles an API token may carry (docs/security.md). A token's {@code groups} claim is mapped to
 * these and to nothing else: a group that is not named here (a console role such as {@code ADMIN},
 * say) is dropped when the token is verified, so a token never opens the console.
 */
public final class ApiRoles {
  /** A booking engine: Cash &amp; Miles, its own quotes and payments only. */
  public static final String BOOKING_ENGINE = "booking-engine";

  /** A partner: its own files, parked records and settlements; the token's subject is its code. */
  public static final String PARTNER = "partner";

  /** The airline's back office: members, the ledger, holds, claims, awards, tiers. */
  public static final String BACK_OFFICE = "back-office";

  /** Operations: jobs, reference data, reviews, every partner's files and settlements. */
  public static final String OPERATIONS = "operations";

  /** An auditor: reads what the back office and operations read, changes nothing. */
  public static final String AUDITOR = "auditor";

  /** The member-facing app; the member actions arrive with later features. */
  public static final String MEMBER_APP = "member-app";

  /**
   * The loyalty marketing team and its tools: segments, scores, churn risk, NPS, consent and
   * campaigns (retention); never the ledger or a member's profile beyond what a campaign needs.
   */
  public static final String MARKETING = "marketing";

  /**
   * A program manager: proposes changes to the program's rules (and withdraws its own proposals);
   * never decides them.
   */
  public static final String PROGRAM_MANAGER = "program-manager";

  /**
   * The approver right over program changes: approves or rejects a change another person proposed
   * (maker-checker; the service refuses one's own).
   */
  public static final String PROGRAM_APPROVER = "program-approver";

  /** Every API role, in the order docs/security.md lists them. */
  public static final Set<String> ALL =
      Set.of(
          BOOKING_ENGINE,
          PARTNER,
          BACK_OFFICE,
          OPERATIONS,
          AUDITOR,
          MEMBER_APP,
          MARKETING,
          PROGRAM_MANAGER,
          PROGRAM_APPROVER);

  private ApiRoles() {}

  /** The API roles among a token's groups; every other group is dropped. */
  public static Set<String> of(Set<String> groups) {
    return groups == null ? Set.of() : Set.copyOf(groups.stream().filter(ALL::contains).toList());
  }
}
