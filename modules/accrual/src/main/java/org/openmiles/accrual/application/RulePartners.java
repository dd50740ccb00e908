package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openmiles.accrual.domain.PartnerRuleVersions;
import org.openmiles.program.api.UnknownRuleException;

/** The partner a program change names: one that exists and is not the host airline. */
@ApplicationScoped
public class RulePartners {
  @Inject PartnerRuleVersions store;

  /**
   * {@code code}, checked.
   *
   * @throws UnknownRuleException naming {@code kind} and {@code key} otherwise
   */
  public String partner(String code, String kind, String key) {
    String partnerKind =
        store
            .partnerKind(code)
            .orElseThrow(() -> new UnknownRuleException(kind, key, "no partner " + code));
    if ("HOST".equals(partnerKind)) {
      throw new UnknownRuleException(kind, key, code + " is the host airline, not a partner");
    }
    return code;
  }
}
