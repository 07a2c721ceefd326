package dev.tact.staff;

import dev.tact.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * An installation without an admin gets one at start: from {@code TACT_ADMIN_EMAIL} / {@code TACT_ADMIN_PASSWORD}
 * when set (a password breaking the rules stops the start, with the reason), else by a one-time setup link printed
 * on the console. Runs before the demo workspace, which makes its own admin when it is on and the database empty.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InitialAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

  private final StaffDirectory staff;
  private final SetupLinks setup;
  private final InitialAdminProperties admin;
  private final Environment environment;

  InitialAdmin(StaffDirectory staff, SetupLinks setup, InitialAdminProperties admin, Environment environment) {
    this.staff = staff;
    this.setup = setup;
    this.admin = admin;
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (staff.hasActiveAdmin()) {
      if (admin.password() != null && !admin.password().isBlank()) {
        log.info("TACT_ADMIN_PASSWORD is set but Tact has an admin already, so it is not used; you may remove it.");
      }
      return;
    }
    if (admin.given() && createFromSettings()) {
      return;
    }
    boolean demoWillRun = environment.getProperty("tact.demo.enabled", Boolean.class, true) && !staff.hasAnyAgent();
    if (demoWillRun) {
      return;
    }
    setup.issueIfNone().ifPresentOrElse(this::print, () -> setup.current().ifPresent(current -> log.warn(
        "Tact has no admin yet. The setup link printed on a console at {} works until {}; restart after that for a new one.",
        current.createdAt(), current.expiresAt())));
  }

  /** Creates the admin named in the settings; false when that address is taken (the setup link is printed instead). */
  private boolean createFromSettings() {
    if (admin.email() == null || admin.email().isBlank() || admin.password() == null || admin.password().isEmpty()) {
      throw new IllegalStateException("Set both TACT_ADMIN_EMAIL and TACT_ADMIN_PASSWORD (tact.admin.email and "
          + "tact.admin.password) to create the first admin, or neither to get a setup link.");
    }
    if (staff.findAgentByEmail(admin.email()).isPresent()) {
      log.warn("TACT_ADMIN_EMAIL names {}, who is on the staff already but not an active admin; not changed.",
          admin.email());
      return false;
    }
    String name = admin.name() == null || admin.name().isBlank() ? "Admin" : admin.name();
    try {
      Agent created = staff.createAgent(admin.email(), name, Role.ADMIN, admin.password());
      log.info("Created the first admin {} from TACT_ADMIN_EMAIL and TACT_ADMIN_PASSWORD.", created.email());
      return true;
    } catch (ProblemException e) {
      throw new IllegalStateException("Cannot create the first admin from TACT_ADMIN_EMAIL / TACT_ADMIN_PASSWORD: "
          + e.getMessage(), e);
    }
  }

  private void print(SetupLinks.Issued link) {
    System.out.println("""

        ==================================================================
         Tact has no admin yet. Open this link once to create the first
         admin (email, name, password). It works until %s:

           %s

         Or set TACT_ADMIN_EMAIL and TACT_ADMIN_PASSWORD and restart.
        ==================================================================
        """.formatted(link.expiresAt(), link.url()));
    log.warn("Tact has no admin yet: a one-time setup link was printed on the console (valid until {}).",
        link.expiresAt());
  }
}
