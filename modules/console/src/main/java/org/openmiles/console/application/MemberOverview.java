package org.openmiles.console.application;

import java.io.Serializable;
import java.util.List;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.HoldView;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.api.PendingMilesView;
import org.openmiles.cashmiles.api.PaymentView;
import org.openmiles.console.domain.AdjustmentView;
import org.openmiles.redemption.api.AwardView;
import org.openmiles.tiers.api.TierHistoryView;
import org.openmiles.tiers.api.TierStatusView;

/**
 * What the member 360 page shows of one member, read from the modules' api at one moment. A section
 * that could not be read holds its fallback ({@code null} or an empty list) and its name is in
 * {@code notAvailable}, so the page says which part is missing and shows the rest.
 */
public record MemberOverview(
    MemberView member,
    BalanceView balance,
    List<HoldView> holds,
    TierStatusView tier,
    List<TierHistoryView> tierHistory,
    List<ClaimView> claims,
    List<PaymentView> payments,
    PendingMilesView pending,
    List<AdjustmentView> adjustments,
    List<AwardView> awards,
    MemberRetention retention,
    List<String> notAvailable)
    implements Serializable {}
