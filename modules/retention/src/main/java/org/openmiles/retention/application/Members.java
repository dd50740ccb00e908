package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.openmiles.accounts.api.MemberNotFoundException;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.api.MemberView;

/** Members as retention checks them: through the accounts api, never its tables. */
@ApplicationScoped
public class Members {
  @Inject MemberService members;

  /** The member, or 404 MEMBER_NOT_FOUND. */
  public MemberView require(MemberNumber member) {
    return find(member)
        .orElseThrow(() -> new MemberNotFoundException("member " + member.value() + " not found"));
  }

  public Optional<MemberView> find(MemberNumber member) {
    return members.find(member);
  }

  /** Whether the member exists and is ACTIVE (may earn miles). */
  public boolean active(MemberNumber member) {
    return find(member).map(m -> m.status() == MemberStatus.ACTIVE).orElse(false);
  }
}
