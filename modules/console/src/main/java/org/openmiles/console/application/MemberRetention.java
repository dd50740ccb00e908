package org.openmiles.console.application;

import java.io.Serializable;
import org.openmiles.retention.api.MemberConsentsView;
import org.openmiles.retention.api.MemberEngagementView;
import org.openmiles.retention.api.MemberFactsView;
import org.openmiles.retention.api.MemberScoreView;

/**
 * What member 360 shows of retention: the member's facts, their scores of the latest run ({@code
 * null} before the member was scored), engagement and consents.
 */
public record MemberRetention(
    MemberFactsView facts,
    MemberScoreView score,
    MemberEngagementView engagement,
    MemberConsentsView consents)
    implements Serializable {}
