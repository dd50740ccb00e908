package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.openmiles.accrual.api.ActivityOrigin;

/**
 * A flown coupon's or partner record's origin as stored: what was paid ({@code amount} in {@code
 * currency}; null when the record carries no money) on {@code date}, before any conversion, and the
 * base miles it was credited.
 */
public record RecordedOrigin(
    String reference,
    ActivityOrigin.Kind kind,
    String partnerCode,
    String category,
    BigDecimal amount,
    String currency,
    LocalDate date,
    long baseMiles) {}
