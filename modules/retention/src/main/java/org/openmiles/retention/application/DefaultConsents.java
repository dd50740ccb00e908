package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.tx.RetriedTransaction;
import org.openmiles.retention.api.Channel;
import org.openmiles.retention.api.ConsentSelection;
import org.openmiles.retention.api.ConsentView;
import org.openmiles.retention.api.Consents;
import org.openmiles.retention.api.MemberConsentsView;
import org.openmiles.retention.api.RecordConsent;
import org.openmiles.retention.domain.ConsentRepository;

/**
 * Consent decisions: each one that changes the member's consent for a channel is appended to the
 * history and made current in one transaction, under the current row's lock, so the latest decision
 * is always the current one. Campaigns select through {@link ConsentSelection}.
 */
@ApplicationScoped
@Transactional
@RetriedTransaction // a deadlock or serialization failure runs the whole call again (ADR 0023)
public class DefaultConsents implements Consents, ConsentSelection {
  @Inject ConsentRepository repo;
  @Inject Members members;
  @Inject Clock clock;

  @Override
  public Recorded record(RecordConsent decision) {
    members.require(decision.member());
    Instant now = clock.instant();
    Optional<ConsentView> current = repo.lockCurrent(decision, now);
    if (current.isPresent() && current.get().granted() == decision.granted()) {
      return new Recorded(current.get(), false);
    }
    long event = repo.append(decision, now);
    repo.setCurrent(decision, event, now);
    return new Recorded(
        new ConsentView(
            decision.channel(), decision.granted(), decision.source(), decision.principal(), now),
        true);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public MemberConsentsView consents(MemberNumber member) {
    members.require(member);
    return new MemberConsentsView(member, repo.current(member), repo.history(member));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Set<MemberNumber> consented(Channel channel, Collection<MemberNumber> candidates) {
    if (candidates.isEmpty()) {
      return Set.of();
    }
    Set<String> numbers = candidates.stream().map(MemberNumber::value).collect(Collectors.toSet());
    return repo.granted(channel, numbers).stream()
        .map(MemberNumber::new)
        .collect(Collectors.toUnmodifiableSet());
  }
}
