package org.openmiles.redemption.domain;

import java.time.LocalDate;
import java.util.List;
import org.openmiles.redemption.api.ExtensionPackageView;
import org.openmiles.redemption.api.PartnerAwardView;

/** The program's redemption rules in force on a date (effective-dated data). */
public interface RedemptionProgram {

  AwardChart chartOn(LocalDate day);

  /** The lowest tier that may redeem upgrade awards on {@code day}. */
  String upgradeMinTier(LocalDate day);

  RedemptionRule ruleOn(LocalDate day);

  /** The partner award catalogue, by code. */
  List<PartnerAwardView> partnerAwards(LocalDate day);

  /** The expiry extension packages, cheapest first. */
  List<ExtensionPackageView> packages(LocalDate day);
}
