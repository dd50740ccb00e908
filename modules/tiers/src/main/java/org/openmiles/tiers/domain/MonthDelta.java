package org.openmiles.tiers.domain;

import java.math.BigDecimal;
import java.time.YearMonth;

/** Qualifying activity to add to a member's month (negative for a reversal). */
public record MonthDelta(
    String member, YearMonth month, long miles, BigDecimal flights, BigDecimal spend) {}
