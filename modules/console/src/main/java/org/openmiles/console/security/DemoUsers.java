package org.openmiles.console.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.console.api.ConsoleRole;
import org.openmiles.console.domain.ConsoleUserRepository;

/**
 * Seeds one console user per role when {@code openmiles.console.demo-users} is true ({@code
 * ./openmiles run} and {@code ./openmiles test} switch it on; it is off by default, so a production
 * deployment never has well-known passwords). Existing users are left alone, so a restart changes
 * nothing and an admin's change of a demo user stays.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class DemoUsers {
  private static final Logger LOG = Logger.getLogger(DemoUsers.class.getName());

  /** The demo logins: user name, password, display name, role. Printed by ./openmiles run. */
  public record Demo(String username, String password, String displayName, ConsoleRole role) {}

  public static final List<Demo> DEMO =
      List.of(
          new Demo("agent", "agent-demo", "Anh Nguyen (agent)", ConsoleRole.AGENT),
          new Demo("agent2", "agent2-demo", "Binh Tran (agent)", ConsoleRole.AGENT),
          new Demo("supervisor", "supervisor-demo", "Chi Le (supervisor)", ConsoleRole.SUPERVISOR),
          new Demo(
              "supervisor2", "supervisor2-demo", "Dung Pham (supervisor)", ConsoleRole.SUPERVISOR),
          new Demo("admin", "admin-demo", "Console admin", ConsoleRole.ADMIN),
          new Demo(
              "programs", "programs-demo", "Lan Vo (program manager)", ConsoleRole.PROGRAM_MANAGER),
          new Demo(
              "approver",
              "approver-demo",
              "Hoa Do (program approver)",
              ConsoleRole.PROGRAM_APPROVER));

  @Inject
  @ConfigProperty(name = "openmiles.console.demo-users", defaultValue = "false")
  boolean enabled;

  @Inject ConsoleUserRepository users;
  @Inject PasswordHashing hashing;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void seed() {
    if (!enabled) {
      return;
    }
    int added = 0;
    for (Demo d : DEMO) {
      if (users.find(d.username()).isEmpty()
          && users.insertIfAbsent(
              d.username(),
              d.displayName(),
              hashing.hash(d.password().toCharArray()),
              EnumSet.of(d.role()))) {
        added++;
      }
    }
    int n = added;
    LOG.info(() -> "console demo users: " + n + " added, " + (DEMO.size() - n) + " already there");
  }
}
