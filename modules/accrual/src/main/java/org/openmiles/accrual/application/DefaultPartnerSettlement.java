package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import org.openmiles.accrual.api.PartnerNotFoundException;
import org.openmiles.accrual.api.PartnerSettlement;
import org.openmiles.accrual.api.SettlementStatement;
import org.openmiles.accrual.domain.PartnerActivityRepository;
import org.openmiles.accrual.domain.PartnerFileRepository;
import org.openmiles.common.Money;

/**
 * Settlement by calendar month in UTC, from the 1st, 00:00 to the next 1st: miles credited in the
 * month, less the base miles reversed in the month, at the price per mile in force at its end.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DefaultPartnerSettlement implements PartnerSettlement {

  @jakarta.inject.Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "openmiles.accrual.park-days",
      defaultValue = "90")
  int parkDays;

  @Inject PartnerActivityRepository repository;
  @Inject PartnerFileRepository files;

  @Override
  public java.util.List<org.openmiles.accrual.api.PartnerFileView> recentFiles(
      String partnerCode, int limit) {
    if (repository
        .issued(
            partnerCode,
            java.time.Instant.EPOCH,
            java.time.Instant.EPOCH,
            java.time.LocalDate.now())
        .isEmpty()) {
      throw new PartnerNotFoundException("no partner " + partnerCode);
    }
    return files.recentFiles(partnerCode, limit);
  }

  @Override
  public SettlementStatement statement(String partnerCode, YearMonth month) {
    var from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    var to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    var issued =
        repository
            .issued(partnerCode, from, to, month.atEndOfMonth())
            .orElseThrow(() -> new PartnerNotFoundException("no partner " + partnerCode));
    if (issued.pricePerMile() == null) {
      throw new IllegalStateException(
          "partner " + partnerCode + " has no price per mile in force in " + month);
    }
    Currency currency = Currency.getInstance(issued.currency());
    long net = issued.miles() - issued.milesReversed();
    BigDecimal due =
        issued
            .pricePerMile()
            .multiply(BigDecimal.valueOf(net))
            .setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP);
    return new SettlementStatement(
        partnerCode,
        month,
        issued.records(),
        issued.miles(),
        issued.reversals(),
        issued.milesReversed(),
        net,
        issued.pricePerMile().stripTrailingZeros(),
        currency.getCurrencyCode(),
        new Money(due, currency));
  }

  @Override
  public org.openmiles.accrual.api.ParkedReport parked(String partnerCode, int limit) {
    recentFiles(partnerCode, 1); // refuses an unknown partner
    java.time.Instant cutoff = java.time.Instant.now().minus(java.time.Duration.ofDays(parkDays));
    return repository.parked(partnerCode, parkDays, cutoff, limit);
  }
}
