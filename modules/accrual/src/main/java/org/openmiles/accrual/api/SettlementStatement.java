package org.openmiles.accrual.api;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.openmiles.common.Money;

/**
 * What a partner owes for a month: the miles issued to members for its activity (counted when they
 * were credited), reversals (none yet: partner reversals are not implemented), and the amount due
 * at the partner's price per mile in force at the end of the month ({@code pricePerMile} may have
 * more decimals than the currency; {@code amountDue} is rounded half up to the currency's minor
 * unit).
 */
public record SettlementStatement(
    String partnerCode,
    YearMonth month,
    long records,
    long milesIssued,
    long milesReversed,
    long netMiles,
    BigDecimal pricePerMile,
    String currency,
    Money amountDue) {}
