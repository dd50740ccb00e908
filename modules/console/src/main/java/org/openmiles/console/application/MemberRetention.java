package org.openmiles.console.application;

import java.io.Serializable;
import java.util.List;
import org.openmiles.retention.api.MemberConsentsView;
import org.openmiles.retention.api.MemberEngagementView;
import org.openmiles.retention.api.MemberFactsView;
import org.openmiles.retention.api.MemberScoreView;
import org.openmiles.retention.api.NpsAnswerView;

/**
 * What member 360 shows of retention: the member's facts, their scores of the latest run ({@code
 * null} before the member was scored), engagement, consents and latest survey answers.
 */
public record MemberRetention(
    MemberFactsView facts,
    MemberScoreView score,
    MemberEngagementView engagement,
    MemberConsentsView consents,
    List<NpsAnswerView> surveyAnswers)
    implements Serializable {}
