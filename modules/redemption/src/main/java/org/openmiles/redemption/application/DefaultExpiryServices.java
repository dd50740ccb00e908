package org.openmiles.redemption.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.openmiles.accounts.api.ExpiringMilesPage;
import org.openmiles.accounts.api.ExpiryExtension;
import org.openmiles.accounts.api.ExtendExpiry;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.common.tx.RetriedTransaction;
import org.openmiles.redemption.api.BuyExtension;
import org.openmiles.redemption.api.ExpiryServices;
import org.openmiles.redemption.api.ExtensionPackageNotFoundException;
import org.openmiles.redemption.api.ExtensionPackageView;
import org.openmiles.redemption.api.ExtensionView;
import org.openmiles.redemption.api.events.MilesExpiring;
import org.openmiles.redemption.domain.ExpiryNotices;
import org.openmiles.redemption.domain.ExtensionPurchases;
import org.openmiles.redemption.domain.RedemptionProgram;

/**
 * Expiring miles: the list, paid extensions (the ledger moves the miles; this module records the
 * purchase and its price) and notices. Expiry itself is the ledger's job ({@code
 * MilesLedger.expireMiles}, run daily once per cluster).
 */
@ApplicationScoped
@Transactional
@RetriedTransaction // a deadlock or serialization failure runs the whole call again (ADR 0023)
public class DefaultExpiryServices implements ExpiryServices {

  /** Notice windows: a member hears at 90, 60 and 30 days before an expiry date, once each. */
  static final int[] WINDOWS = {30, 60, 90};

  private static final int PAGE = 500;

  @Inject RedemptionProgram program;
  @Inject ExtensionPurchases purchases;
  @Inject ExpiryNotices expiryNotices;
  @Inject MilesLedger ledger;
  @Inject Clock clock;
  @Inject Event<MilesExpiring> expiring;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public ExpiringMilesPage expiring(int withinDays, MemberNumber after, int limit) {
    LocalDate today = LocalDate.now(clock);
    return ledger.expiringMiles(today, today.plusDays(withinDays), after, limit);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ExtensionPackageView> packages() {
    return program.packages(LocalDate.now(clock));
  }

  @Override
  public ExtensionView buyExtension(BuyExtension b) {
    var first = purchases.extension(b.member(), b.clientReference());
    if (first.isPresent()) {
      return first.get();
    }
    ExtensionPackageView pkg =
        packages().stream()
            .filter(p -> p.code().equals(b.packageCode()))
            .findFirst()
            .orElseThrow(
                () ->
                    new ExtensionPackageNotFoundException(
                        "no extension package " + b.packageCode() + " is on sale"));
    ExpiryExtension done =
        ledger.extendExpiry(
            new ExtendExpiry(
                b.member(),
                pkg.miles(),
                pkg.months(),
                SourceReference.of("EXT:" + b.member() + ":" + b.clientReference()),
                "Expiry extension " + pkg.code() + " (" + b.paymentReference() + ")"));
    if (done.replayed()) {
      return purchases.extension(b.member(), b.clientReference()).orElseThrow();
    }
    ExtensionView v =
        new ExtensionView(
            b.member(),
            pkg.code(),
            pkg.price(),
            b.paymentReference(),
            done.milesExtended(),
            pkg.months(),
            done.moves(),
            clock.instant(),
            false);
    purchases.insertExtension(b.clientReference(), v);
    return v;
  }

  @Override
  public int sendExpiryNotices(LocalDate asOf) {
    int told = 0;
    int from = 0;
    for (int window : WINDOWS) {
      // bands: (asOf, +30], (+30, +60], (+60, +90]; each member once per band and expiry date
      LocalDate first = asOf.plusDays(from == 0 ? 0 : from + 1L);
      LocalDate last = asOf.plusDays(window);
      MemberNumber after = null;
      do {
        ExpiringMilesPage page = ledger.expiringMiles(first, last, after, PAGE);
        if (!page.members().isEmpty()) {
          var fresh = new HashSet<>(expiryNotices.recordNotices(window, asOf, page.members()));
          var notices =
              page.members().stream()
                  .filter(m -> fresh.contains(m.member()))
                  .map(
                      m ->
                          new MilesExpiring.Notice(
                              m.member(), m.miles(), m.firstExpiry(), m.reason()))
                  .toList();
          if (!notices.isEmpty()) {
            expiring.fire(new MilesExpiring(asOf, window, notices));
            told += notices.size();
          }
        }
        after = page.nextAfter();
      } while (after != null);
      from = window;
    }
    return told;
  }
}
