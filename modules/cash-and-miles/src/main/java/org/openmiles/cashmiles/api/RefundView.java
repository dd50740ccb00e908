package org.openmiles.cashmiles.api;

import java.time.Instant;

/**
 * A refund of some of a payment's captured miles, and the payment after it. {@code
 * milesRedeposited} is what went back to the member through the ledger (0 when the program keeps
 * the miles for this reason), under {@code ledgerReference}.
 */
public record RefundView(
    long refundId,
    long paymentId,
    long miles,
    RefundReason reason,
    long milesRedeposited,
    String ledgerReference,
    Instant createdAt,
    PaymentView payment) {}
