package org.openmiles.retention.api;

import java.util.regex.Pattern;

/**
 * The ledger source reference of an engagement action's bonus miles: {@code E:<action id>}, the
 * idempotency key of the posting, so an action earns its miles at most once whatever retries or
 * redeliveries happen. Action ids are 1 to 64 of {@code A-Z a-z 0-9 . _ : -}, so the reference is
 * always a valid one (printable, no {@code #}, at most 66 characters).
 */
public final class EngagementReferences {
  public static final String PREFIX = "E:";
  public static final int MAX_ACTION_ID = 64;
  private static final Pattern ACTION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private EngagementReferences() {}

  /** The bonus-miles posting of action {@code actionId}. */
  public static String bonusMiles(String actionId) {
    return PREFIX + actionId;
  }

  /** Whether {@code actionId} is a well-formed client action id. */
  public static boolean isValidActionId(String actionId) {
    return actionId != null && ACTION_ID.matcher(actionId).matches();
  }

  /** The action id of the engagement counted for NPS answer {@code answerId}. */
  public static String npsAction(String answerId) {
    return "NPS:" + answerId;
  }
}
