package org.openmiles.retention.api;

import java.util.List;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Engagement actions beyond flying (docs/retention.md, Engagement): each earns points under the
 * catalogue's daily and lifetime caps, may earn bonus miles (a non-qualifying ledger CREDIT with
 * source reference {@link EngagementReferences#bonusMiles}), and the points reach engagement
 * levels.
 */
public interface Engagement {

  /**
   * Counts one action, once per action id, under the member's lock (two actions at once never both
   * fit under a cap). A REFERRAL is PENDING until the friend flies.
   *
   * @throws org.openmiles.accounts.api.MemberNotFoundException for an unknown member
   * @throws UnknownActionTypeException for a type not in the catalogue
   * @throws ActionIdConflictException if the id was used for another member or type
   */
  ActionAnswer record(RecordAction action);

  /** The member's points, level and {@code recent} latest actions. */
  MemberEngagementView engagement(MemberNumber member, int recent);

  /** The catalogue, in code order. */
  List<ActionTypeView> catalogue();

  /** The engagement levels, lowest first. */
  List<LevelView> levels();
}
