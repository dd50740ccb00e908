package org.openmiles.accounts.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmiles.accounts.domain.ExpiryPolicy;
import org.openmiles.accounts.domain.ExpiryPolicyVersions;
import org.openmiles.program.api.DatedRuleAdministration;
import org.openmiles.program.api.DatedVersion;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.VersionFields;

/**
 * The miles expiry policy as program managers change it (issue 20): {@code accounts.expiry_policy},
 * one policy for the whole program (the table is keyed by its date only), so the key is {@code
 * PROGRAM}. A version is whole: its kind (FIXED_TERM: each credit expires at the end of the {@code
 * months}-th month after its activity month; INACTIVITY: all of a member's miles expire after
 * {@code months} months without activity) and its months, 1 to 240, as the table's constraints
 * allow.
 *
 * <p>How a version applies from its date (the ledger reads the policy for a date every time, with
 * nothing cached): a credit posted on or after the date gets its lot's expiry from the new version
 * ({@code LedgerPostings} reads the policy of the posting date, the application clock's UTC date,
 * and dates the lot from the activity date), while lots already credited keep the date they were
 * given; the expiry job run as of a date on or after it ({@code LedgerJobs.expireMiles}) expires
 * dated lots due by then and, under INACTIVITY, every member lapsed by the new version's months —
 * so a shorter inactivity period applies at once to past activity. Not simulated: what expires
 * depends on the members' future activity.
 */
@ApplicationScoped
public class ExpiryPolicyAdministration extends DatedRuleAdministration<String, ExpiryPolicy> {
  /** The kind's name in paths and requests. */
  public static final String KIND = "expiry-policy";

  private static final String POLICY_KIND = "kind";
  private static final String MONTHS = "months";

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Miles expiry policy",
          "PROGRAM (one policy for the whole program)",
          List.of(
              new RuleField(
                  POLICY_KIND,
                  "FIXED_TERM or INACTIVITY",
                  true,
                  "FIXED_TERM: each credit expires at the end of the months-th month after its"
                      + " activity month; INACTIVITY: all of a member's miles expire after months"
                      + " months without activity"),
              new RuleField(MONTHS, "whole number", true, "1 to 240 (today FIXED_TERM, 36)")));

  @Inject ExpiryPolicyVersions store;

  @Override
  public RuleKind kind() {
    return DESCRIPTION;
  }

  /** The key: {@code PROGRAM}, any case. */
  @Override
  protected String key(String key) {
    return programWide(key, "the expiry policy");
  }

  /** A version read whole, every broken field at once. */
  @Override
  protected ExpiryPolicy read(String key, Map<String, String> fields, LocalDate from) {
    VersionFields f = new VersionFields(fields, Set.of(POLICY_KIND, MONTHS));
    String kind = f.choice(POLICY_KIND, true, List.of("FIXED_TERM", "INACTIVITY"));
    Long months = f.whole(MONTHS, true, 1, 240);
    f.throwIfInvalid();
    return new ExpiryPolicy(ExpiryPolicy.Kind.valueOf(kind), Math.toIntExact(months));
  }

  @Override
  protected List<DatedVersion<ExpiryPolicy>> versions(String key) {
    return store.versions();
  }

  @Override
  protected boolean add(String key, LocalDate from, ExpiryPolicy policy, long change) {
    return store.add(from, policy, change);
  }

  @Override
  protected Map<String, String> fields(ExpiryPolicy p) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(POLICY_KIND, p.kind().name());
    m.put(MONTHS, Integer.toString(p.months()));
    return m;
  }

  /**
   * Against the policy in force the day before: a shorter period (members' miles would expire
   * sooner than they were told; under INACTIVITY at once for past activity), a change of kind, and
   * a later version already written (this one applies only until then).
   */
  @Override
  public List<String> warnings(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    String k = key(key);
    ExpiryPolicy p = read(k, fields, effectiveFrom);
    List<String> out = new ArrayList<>();
    replaced(k, effectiveFrom).ifPresent(was -> out.addAll(changes(was, p, effectiveFrom)));
    followed(k, effectiveFrom).ifPresent(out::add);
    return out;
  }

  /** What people should know about going from {@code was} to {@code p} on {@code from}. */
  static List<String> changes(ExpiryPolicy was, ExpiryPolicy p, LocalDate from) {
    List<String> out = new ArrayList<>();
    if (was.kind() == p.kind() && p.months() < was.months()) {
      out.add(
          p.kind() == ExpiryPolicy.Kind.INACTIVITY
              ? "the inactivity period shortens from "
                  + was.months()
                  + " to "
                  + p.months()
                  + " months: from "
                  + from
                  + " every member without activity for "
                  + p.months()
                  + " months loses all their miles at the next expiry run, sooner than they were"
                  + " told"
              : "miles credited from "
                  + from
                  + " expire after "
                  + p.months()
                  + " months instead of "
                  + was.months()
                  + ", sooner than members were told (miles already credited keep their dates)");
    }
    if (was.kind() == ExpiryPolicy.Kind.FIXED_TERM && p.kind() == ExpiryPolicy.Kind.INACTIVITY) {
      out.add(
          "from "
              + from
              + " all of a member's miles expire after "
              + p.months()
              + " months without activity; miles already credited also keep their dated expiry");
    }
    if (was.kind() == ExpiryPolicy.Kind.INACTIVITY && p.kind() == ExpiryPolicy.Kind.FIXED_TERM) {
      out.add(
          "from "
              + from
              + " each credit expires "
              + p.months()
              + " months after its activity month, even for active members; miles credited"
              + " before keep no date of their own");
    }
    return out;
  }
}
