package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.accrual.api.ActivityOrigin;
import org.openmiles.accrual.api.ActivityOrigins;
import org.openmiles.accrual.domain.Dated;
import org.openmiles.accrual.domain.EarnRuleRepository;
import org.openmiles.accrual.domain.OriginRepository;
import org.openmiles.accrual.domain.QualifyingSpend;
import org.openmiles.accrual.domain.RecordedOrigin;

/**
 * Finds the records behind base references (those the crediting chunk of this transaction handed
 * over without reading, the others in two statements at most) and converts what was paid into the
 * currency asked for, by the spend conversion rates in force on each activity's date, read once per
 * currency per call and rounded as qualifying spend is ({@link QualifyingSpend}).
 */
@ApplicationScoped
public class DefaultActivityOrigins implements ActivityOrigins {
  @Inject OriginRepository repository;
  @Inject EarnRuleRepository rules;
  @Inject HandedOrigins handed;

  @Override
  public Map<String, ActivityOrigin> of(Collection<String> baseReferences, String currency) {
    List<String> tickets = new ArrayList<>();
    List<Integer> coupons = new ArrayList<>();
    List<String> partners = new ArrayList<>();
    List<String> transactions = new ArrayList<>();
    Map<String, RecordedOrigin> held = handed.handed();
    List<RecordedOrigin> found = new ArrayList<>();
    for (String ref : baseReferences) {
      RecordedOrigin given = held.get(ref);
      if (given != null) {
        found.add(given);
        continue;
      }
      int second = ref.indexOf(':', 2);
      if (second < 0) {
        continue;
      }
      if (ref.startsWith("F:")) {
        tickets.add(ref.substring(2, second));
        coupons.add(Integer.parseInt(ref.substring(second + 1)));
      } else if (ref.startsWith("P:")) {
        partners.add(ref.substring(2, second));
        transactions.add(ref.substring(second + 1));
      }
    }
    found.addAll(repository.flights(tickets, coupons));
    found.addAll(repository.partnerRecords(partners, transactions));
    boolean known = QualifyingSpend.isKnownCurrency(currency);
    Map<String, List<Dated<BigDecimal>>> rates = new HashMap<>();
    Map<String, ActivityOrigin> out = new HashMap<>();
    for (RecordedOrigin o : found) {
      BigDecimal revenue = null;
      if (known && o.amount() != null && o.currency() != null && o.amount().signum() >= 0) {
        if (o.currency().equals(currency)) {
          revenue = QualifyingSpend.same(o.amount(), currency);
        } else {
          revenue =
              Dated.inForce(
                      rates.computeIfAbsent(o.currency(), from -> rules.spendRates(from, currency)),
                      o.date())
                  .map(rate -> QualifyingSpend.convert(o.amount(), rate, currency))
                  .orElse(null);
        }
      }
      out.put(
          o.reference(),
          new ActivityOrigin(
              o.reference(), o.kind(), o.partnerCode(), o.category(), revenue, o.baseMiles()));
    }
    return out;
  }
}
