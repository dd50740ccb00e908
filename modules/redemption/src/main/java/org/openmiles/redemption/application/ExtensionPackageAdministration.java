package org.openmiles.redemption.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;
import org.openmiles.redemption.domain.RedemptionRuleKeys;
import org.openmiles.redemption.domain.RedemptionRuleVersion;
import org.openmiles.redemption.domain.RedemptionRuleVersion.ExtensionPackage;
import org.openmiles.redemption.domain.RedemptionRuleVersions.Written;

/**
 * An expiry extension package as program managers change it (issue 20): keyed by its code, a
 * version is the miles it extends, for how many months, and its price ({@code extension_package},
 * in force on the day of purchase). A new code starts selling a package from its date.
 */
@ApplicationScoped
public class ExtensionPackageAdministration
    extends RedemptionRuleAdministration<String, ExtensionPackage> {
  /** The kind's name in paths and requests. */
  public static final String KIND = "extension-package";

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Expiry extension package",
          "the package code, such as EXT_500_12M (a new code starts selling a package)",
          List.of(
              new RuleField("miles", "whole number", true, "expiring miles extended: at least 1"),
              new RuleField("months", "whole number", true, "months added: 1 to 120"),
              new RuleField("price", "decimal", true, "the price: from 0, at most 4 decimals"),
              new RuleField("currency", "currency", true, "the price's currency, such as USD")));

  public ExtensionPackageAdministration() {
    super(DESCRIPTION);
  }

  @Override
  String key(String key) {
    return RedemptionRuleKeys.packageCode(key);
  }

  @Override
  ExtensionPackage version(String code, Map<String, String> fields, LocalDate from) {
    return RedemptionRuleVersion.extensionPackage(fields);
  }

  @Override
  List<Written<ExtensionPackage>> written(String code) {
    return store.extensionPackage(code);
  }

  @Override
  boolean add(String code, LocalDate from, ExtensionPackage p, long change) {
    return store.addExtensionPackage(code, from, p, change);
  }

  @Override
  Map<String, String> fields(ExtensionPackage p) {
    return RedemptionRuleVersion.packageFields(p);
  }
}
