package org.openmiles.retention.api;

import java.time.Instant;
import org.openmiles.accounts.api.MemberNumber;

/**
 * A stored NPS answer: the answer, the member's tier when answering (null if the member had none),
 * where it came from ({@code API} or {@code FILE}) and whether it was already stored ({@code
 * replayed}).
 */
public record NpsAnswerView(
    String answerId,
    MemberNumber member,
    int score,
    String comment,
    Touchpoint touchpoint,
    String flight,
    String route,
    Instant answeredAt,
    String tier,
    String source,
    boolean replayed) {}
