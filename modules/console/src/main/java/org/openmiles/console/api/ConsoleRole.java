package org.openmiles.console.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a console user may do. Roles nest: a supervisor is also an agent, an admin also a
 * supervisor, so a page or action names the least role it needs.
 */
public enum ConsoleRole {
  /** Finds members, sees their accounts, makes goodwill adjustments up to a limit, files claims. */
  AGENT,
  /** Also approves adjustments above the limit, overrides tiers, sees full personal data. */
  SUPERVISOR,
  /** Also manages console users and sees the whole audit log. */
  ADMIN;

  /** This role and every role it includes. */
  public Set<ConsoleRole> withIncluded() {
    EnumSet<ConsoleRole> all = EnumSet.noneOf(ConsoleRole.class);
    for (ConsoleRole r : values()) {
      if (r.ordinal() <= ordinal()) {
        all.add(r);
      }
    }
    return all;
  }
}
