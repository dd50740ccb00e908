package org.openmiles.redemption.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;
import org.openmiles.redemption.domain.RedemptionRuleKeys;
import org.openmiles.redemption.domain.RedemptionRuleVersion;
import org.openmiles.redemption.domain.RedemptionRuleVersion.Peak;
import org.openmiles.redemption.domain.RedemptionRuleVersions.Written;

/**
 * The peak calendar as program managers change it (issue 20): keyed {@code ALL} (the ranges of
 * every route group) or a route group's code, a version is the scope's whole list of peak ranges
 * from its date ({@code peak_calendar} and its {@code peak_period} rows, redemption V3). For a
 * travel date the version of each scope with the latest date on or before it applies, as the award
 * chart's cells do; a date is PEAK if a range of the ALL version or of its route group's version
 * holds it. A version replaces the scope's ranges (an empty one removes them); nothing written is
 * changed, so travel dates before the version's date are priced as before.
 */
@ApplicationScoped
public class PeakPeriodAdministration extends RedemptionRuleAdministration<String, List<Peak>> {
  /** The kind's name in paths and requests. */
  public static final String KIND = "peak-period";

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Peak calendar",
          "ALL (ranges for every route group) or a route group's code, such as VN_JP (ranges for"
              + " that group besides ALL's)",
          List.of(
              new RuleField(
                  "periods",
                  "text",
                  false,
                  "the scope's whole peak calendar for travel from the version's date: ranges"
                      + " separated by ; or new lines, each FIRST..LAST name (both days included),"
                      + " such as 2027-01-23..2027-02-20 Tet 2027; none = no peak dates")));

  public PeakPeriodAdministration() {
    super(DESCRIPTION);
  }

  @Override
  String key(String key) {
    String scope = RedemptionRuleKeys.scope(key);
    return RedemptionRuleKeys.ALL.equals(scope) ? scope : knownRouteGroup(key, scope);
  }

  @Override
  List<Peak> version(String scope, Map<String, String> fields, LocalDate from) {
    return RedemptionRuleVersion.peaks(fields);
  }

  @Override
  List<Written<List<Peak>>> written(String scope) {
    return store.peaks(scope);
  }

  @Override
  boolean add(String scope, LocalDate from, List<Peak> peaks, long change) {
    return store.addPeaks(scope, from, peaks, change);
  }

  @Override
  Map<String, String> fields(List<Peak> peaks) {
    return RedemptionRuleVersion.peakFields(peaks);
  }

  @Override
  public List<String> warnings(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    List<Peak> peaks = version(key(key), fields, effectiveFrom);
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < peaks.size(); i++) {
      Peak p = peaks.get(i);
      if (p.lastDay().isBefore(effectiveFrom)) {
        warnings.add(
            p + " ends before " + effectiveFrom + ": this version never prices a date in it");
      }
      for (int j = i + 1; j < peaks.size(); j++) {
        if (p.meets(peaks.get(j))) {
          warnings.add(p + " overlaps " + peaks.get(j));
        }
      }
    }
    if (peaks.isEmpty()) {
      warnings.add("no peak ranges: every travel date from " + effectiveFrom + " is OFF_PEAK here");
    }
    return warnings;
  }
}
