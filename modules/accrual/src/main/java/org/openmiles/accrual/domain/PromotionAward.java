package org.openmiles.accrual.domain;

import org.openmiles.accounts.api.MemberNumber;

/** A bonus posted to the ledger, to be added to its promotion's total for the member. */
public record PromotionAward(
    String ledgerReference, String promotionCode, MemberNumber member, long miles) {}
