package org.openmiles.accrual.api;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.openmiles.common.Money;

/**
 * What a partner owes for a month: the {@code records} credited in the month and their {@code
 * milesIssued} (counted when they were credited, even if reversed later), the {@code reversals} of
 * credited records processed in the month and the base miles they took back ({@code milesReversed},
 * counted when reversed), {@code netMiles} = issued − reversed, and the amount due on the net miles
 * at the partner's price per mile in force at the end of the month ({@code pricePerMile} may have
 * more decimals than the currency; {@code amountDue} is rounded half up to the currency's minor
 * unit). Net miles and the amount due are negative in a month with more reversed than issued: the
 * programme owes the partner a credit note.
 *
 * <p>Flat on purpose: it is a JSON body of the REST API (docs/api.md), its components being the
 * fields of the response; grouping them into value records would change the wire format.
 */
public record SettlementStatement(
    String partnerCode,
    YearMonth month,
    long records,
    long milesIssued,
    long reversals,
    long milesReversed,
    long netMiles,
    BigDecimal pricePerMile,
    String currency,
    Money amountDue) {}
