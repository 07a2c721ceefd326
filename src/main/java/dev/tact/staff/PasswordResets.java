package dev.tact.staff;

import dev.tact.audit.AuditActor;
import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgotten passwords: a one-time link mailed to the agent's own address (asked for on the login page, or sent by
 * an admin), where they choose a new password. Asking reveals nothing about which addresses are staff.
 */
@Service
public class PasswordResets {

  private final JdbcClient jdbc;
  private final StaffDirectory staff;
  private final StaffLinks links;
  private final StaffProperties properties;
  private final PasswordEncoder passwords;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;
  private final Clock clock;

  PasswordResets(JdbcClient jdbc, StaffDirectory staff, StaffLinks links, StaffProperties properties,
      PasswordEncoder passwords, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.staff = staff;
    this.links = links;
    this.properties = properties;
    this.passwords = passwords;
    this.events = events;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Someone asks for a reset link for this address. Only an active agent's address gets one, and at most
   * {@code tact.staff.resets-per-hour} an hour; the caller answers the same in every case.
   */
  @Transactional
  public void request(String email) {
    Optional<Agent> agent = staff.findAgentByEmail(email == null ? "" : email).filter(a -> a.state() == AgentState.ACTIVE);
    if (agent.isEmpty()) {
      return;
    }
    Agent found = agent.get();
    AuditActor asker = AuditActor.anonymous(found.email());
    long recent = links.issuedSince(found.id(), LinkPurpose.PASSWORD_RESET, clock.instant().minus(Duration.ofHours(1)));
    if (recent >= properties.resetsPerHour()) {
      audit.record(AuditRecord.of("staff.password.reset-refused", "agent", found.id(), "A password reset link for "
          + found.displayName() + " was asked for again; not sent (" + recent + " in the last hour)").by(asker));
      return;
    }
    audit.record(AuditRecord.of("staff.password.reset-requested", "agent", found.id(), "A password reset link was "
        + "mailed to " + found.displayName() + " <" + found.email() + "> at their request").by(asker));
    send(found);
  }

  /** An admin sends an active agent a reset link (mailed, and answered for the admin to pass on). */
  @Transactional
  public IssuedLink sendFor(UUID agentId) {
    Agent agent = staff.requireAgent(agentId);
    if (agent.state() != AgentState.ACTIVE) {
      throw ProblemException.conflict("agent-not-active", agent.displayName() + " is " + agent.state().label()
          + (agent.state() == AgentState.INVITED ? ": send the invitation again instead." : ": reactivate them first."));
    }
    audit.record(AuditRecord.of("staff.password.reset-sent", "agent", agentId, "Sent " + agent.displayName()
        + " a password reset link"));
    return send(agent);
  }

  /** What a reset link is worth now, with whose it is when it works. */
  public LinkCheck check(String token) {
    Optional<StaffLinks.Found> found = links.find(token);
    LinkStatus status = links.status(found, LinkPurpose.PASSWORD_RESET);
    if (status != LinkStatus.VALID) {
      return LinkCheck.of(status);
    }
    Agent agent = staff.requireAgent(found.get().agentId());
    return new LinkCheck(status, agent.email(), agent.displayName(), found.get().expiresAt());
  }

  /**
   * Sets the new password: the link is used up, any other reset link stops working, and the agent's other sessions
   * end (by {@link AgentPasswordChanged}). A link that does not work is a 410 or 404, a weak password a 422.
   */
  @Transactional
  public Agent reset(String token, String password, String repeated) {
    Optional<StaffLinks.Found> found = links.find(token);
    LinkStatus status = links.status(found, LinkPurpose.PASSWORD_RESET);
    if (status != LinkStatus.VALID) {
      throw LinkProblems.of(status, "password reset");
    }
    Agent agent = staff.requireAgent(found.get().agentId());
    if (agent.state() != AgentState.ACTIVE) {
      throw LinkProblems.of(LinkStatus.REVOKED, "password reset");
    }
    PasswordRules.checkRepeated(password, repeated, agent.email());
    if (!links.consume(found.get().id())) {
      throw LinkProblems.of(LinkStatus.USED, "password reset");
    }
    links.revokeOpen(agent.id(), LinkPurpose.PASSWORD_RESET);
    jdbc.sql("UPDATE staff_agent SET password_hash = :hash WHERE id = :id")
        .param("hash", passwords.encode(password)).param("id", agent.id()).update();
    audit.record(AuditRecord.of("staff.password.reset", "agent", agent.id(), agent.displayName()
        + " chose a new password with a reset link").by(new AuditActor(AuditActor.Kind.AGENT, agent.email())));
    events.publishEvent(new AgentPasswordChanged(agent.id(), agent.email()));
    return agent;
  }

  private IssuedLink send(Agent agent) {
    StaffLinks.Issued link = links.issue(agent.id(), LinkPurpose.PASSWORD_RESET, properties.resetValidity());
    String url = links.url("/password-reset/" + link.token());
    events.publishEvent(StaffMails.passwordReset(agent, url, link.expiresAt()));
    return new IssuedLink(agent, url, link.expiresAt());
  }
}
