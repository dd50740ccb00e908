package org.openmiles.console.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a console user may do. The desk roles nest: a supervisor is also an agent, an admin also a
 * supervisor, so a page or action names the least role it needs. The program roles (issue 20) stand
 * beside them, each including only the agent's: a program manager proposes changes to the program's
 * rules, a program approver decides them; neither is a supervisor, and a supervisor or admin is
 * neither.
 */
public enum ConsoleRole {
  /** Finds members, sees their accounts, makes goodwill adjustments up to a limit, files claims. */
  AGENT,
  /** Also approves adjustments above the limit, overrides tiers, sees full personal data. */
  SUPERVISOR,
  /** Also manages console users and sees the whole audit log. */
  ADMIN,
  /** An agent who also proposes changes to the program's rules (never decides them). */
  PROGRAM_MANAGER,
  /** An agent who also approves or rejects changes to the program's rules others proposed. */
  PROGRAM_APPROVER;

  /** This role and every role it includes. */
  public Set<ConsoleRole> withIncluded() {
    return switch (this) {
      case AGENT -> EnumSet.of(AGENT);
      case SUPERVISOR -> EnumSet.of(AGENT, SUPERVISOR);
      case ADMIN -> EnumSet.of(AGENT, SUPERVISOR, ADMIN);
      case PROGRAM_MANAGER -> EnumSet.of(AGENT, PROGRAM_MANAGER);
      case PROGRAM_APPROVER -> EnumSet.of(AGENT, PROGRAM_APPROVER);
    };
  }
}
