package org.openmiles.accrual.domain;

import java.math.BigDecimal;

/**
 * Miles issued to members for a partner between two instants (credited then, whether reversed later
 * or not), the records reversed and base miles taken back between them, and the price per mile
 * then.
 */
public record IssuedMiles(
    long records,
    long miles,
    long reversals,
    long milesReversed,
    BigDecimal pricePerMile,
    String currency) {}
