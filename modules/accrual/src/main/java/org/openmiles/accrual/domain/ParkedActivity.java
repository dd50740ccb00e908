package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A parked record, ready to be posted. */
public record ParkedActivity(
    String partnerCode,
    String txId,
    LocalDate activityDate,
    long miles,
    String ledgerRef,
    String basis,
    BigDecimal quantity,
    String currency) {}
