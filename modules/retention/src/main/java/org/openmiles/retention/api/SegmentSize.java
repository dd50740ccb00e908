package org.openmiles.retention.api;

import java.math.BigDecimal;

/**
 * A segment of the latest scores: its members, their revenue in the RFM window (program currency)
 * and their mean CLV ({@code null} for an empty segment).
 */
public record SegmentSize(
    String segment, long members, BigDecimal revenue, BigDecimal averageClv) {}
