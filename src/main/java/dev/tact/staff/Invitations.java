package dev.tact.staff;

import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.mail.StaffDomainsChanged;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding staff: an admin invites someone by email; Tact keeps them as INVITED (they cannot sign in) and mails a
 * one-time link, through the outbox, where they choose their own password and become ACTIVE.
 */
@Service
public class Invitations {

  /** What an admin fills in to invite someone. */
  public record Request(String email, String displayName, Role role, Collection<UUID> teamIds) {}

  private final JdbcClient jdbc;
  private final StaffDirectory staff;
  private final StaffLinks links;
  private final StaffProperties properties;
  private final PasswordEncoder passwords;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;
  private final Clock clock;

  Invitations(JdbcClient jdbc, StaffDirectory staff, StaffLinks links, StaffProperties properties,
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
   * Invites someone: an INVITED agent in the given teams (first line), and a link mailed to them. Bad input is a
   * 422, an address already on the staff a 409; nothing is created then.
   */
  @Transactional
  public IssuedLink invite(Request request, String invitedBy) {
    String email = StaffInput.email(request.email());
    String name = StaffInput.displayName(request.displayName());
    Role role = request.role() == null ? Role.AGENT : request.role();
    Set<UUID> teams = new LinkedHashSet<>(request.teamIds() == null ? List.of() : request.teamIds());
    for (UUID team : teams) {
      if (team == null || staff.team(team).isEmpty()) {
        throw ProblemException.invalid("unknown-team", "There is no team with id " + team + ".");
      }
    }
    Optional<Agent> existing = staff.findAgentByEmail(email);
    if (existing.isPresent()) {
      throw ProblemException.conflict("agent-exists", existing.get().state() == AgentState.INVITED
          ? email + " is invited already; send the invitation again from their page instead."
          : "An agent with email " + email + " exists already.");
    }
    UUID id = Ids.newId();
    try {
      jdbc.sql("""
          INSERT INTO staff_agent (id, email, display_name, password_hash, role, active, state, created_at)
          VALUES (:id, :email, :name, NULL, :role, FALSE, 'INVITED', :now)""")
          .param("id", id).param("email", email).param("name", name).param("role", role.name())
          .param("now", utc(clock.instant())).update();
    } catch (DuplicateKeyException e) {
      throw ProblemException.conflict("agent-exists", "An agent with email " + email + " was added just now.");
    }
    Agent agent = staff.requireAgent(id);
    audit.record(AuditRecord.of("staff.agent.invited", "agent", id, "Invited " + name + " <" + email + "> as "
        + role.label()).change(null, Map.of("agent", StaffSnapshots.of(agent), "teams", List.copyOf(teams))));
    teams.forEach(team -> staff.addMember(team, id));
    events.publishEvent(new StaffDomainsChanged("agent " + email + " invited"));
    return send(agent, invitedBy);
  }

  /** Sends an invited agent a new link; the earlier ones stop working. Only for agents still invited (409). */
  @Transactional
  public IssuedLink resend(UUID agentId, String invitedBy) {
    Agent agent = requireInvited(agentId);
    int revoked = links.revokeOpen(agentId, LinkPurpose.INVITATION);
    audit.record(AuditRecord.of("staff.invitation.resent", "agent", agentId, "Sent " + agent.displayName()
        + " a new invitation" + (revoked > 0 ? "; the earlier link no longer works" : "")));
    return send(agent, invitedBy);
  }

  /**
   * Withdraws an invitation: the link stops working and the invited person leaves the staff list (they never
   * signed in, so nothing else names them). Only for agents still invited (409).
   */
  @Transactional
  public void revoke(UUID agentId) {
    Agent agent = requireInvited(agentId);
    List<String> teams = staff.memberships(agentId).stream().map(StaffDirectory.Membership::teamName).toList();
    links.deleteAll(agentId);
    jdbc.sql("DELETE FROM staff_team_member WHERE agent_id = :id").param("id", agentId).update();
    jdbc.sql("DELETE FROM staff_agent_language WHERE agent_id = :id").param("id", agentId).update();
    jdbc.sql("DELETE FROM staff_agent WHERE id = :id AND state = 'INVITED'").param("id", agentId).update();
    audit.record(AuditRecord.of("staff.invitation.revoked", "agent", agentId, "Withdrew the invitation of "
        + agent.displayName() + " <" + agent.email() + ">")
        .change(Map.of("agent", StaffSnapshots.of(agent), "teams", teams), null));
    events.publishEvent(new StaffDomainsChanged("invitation of " + agent.email() + " withdrawn"));
  }

  /** What an invitation link is worth now, with whose it is when it works. */
  public LinkCheck check(String token) {
    Optional<StaffLinks.Found> found = links.find(token);
    LinkStatus status = links.status(found, LinkPurpose.INVITATION);
    if (status != LinkStatus.VALID) {
      return LinkCheck.of(status);
    }
    Agent agent = staff.requireAgent(found.get().agentId());
    return new LinkCheck(status, agent.email(), agent.displayName(), found.get().expiresAt());
  }

  /**
   * The invited person chooses their password: they become ACTIVE and the link is used up. A link that does not
   * work is a 410 (expired, used) or 404; a password breaking the rules a 422; nothing changes then.
   */
  @Transactional
  public Agent accept(String token, String password, String repeated) {
    Optional<StaffLinks.Found> found = links.find(token);
    LinkStatus status = links.status(found, LinkPurpose.INVITATION);
    if (status != LinkStatus.VALID) {
      throw LinkProblems.of(status, "invitation");
    }
    Agent agent = staff.requireAgent(found.get().agentId());
    PasswordRules.checkRepeated(password, repeated, agent.email());
    if (!links.consume(found.get().id())) {
      throw LinkProblems.of(LinkStatus.USED, "invitation");
    }
    jdbc.sql("""
        UPDATE staff_agent SET password_hash = :hash, state = 'ACTIVE', active = TRUE
        WHERE id = :id AND state = 'INVITED'""")
        .param("hash", passwords.encode(password)).param("id", agent.id()).update();
    Agent active = staff.requireAgent(agent.id());
    audit.record(AuditRecord.of("staff.invitation.accepted", "agent", agent.id(), agent.displayName()
        + " accepted the invitation and chose a password")
        .by(new dev.tact.audit.AuditActor(dev.tact.audit.AuditActor.Kind.AGENT, agent.email()))
        .change(StaffSnapshots.of(agent), StaffSnapshots.of(active)));
    events.publishEvent(new AgentPasswordChanged(agent.id(), agent.email()));
    return active;
  }

  /** When the agent's current invitation link stops working; empty when none works. */
  public Optional<Instant> openUntil(UUID agentId) {
    return links.openUntil(agentId, LinkPurpose.INVITATION);
  }

  private IssuedLink send(Agent agent, String invitedBy) {
    StaffLinks.Issued link = links.issue(agent.id(), LinkPurpose.INVITATION, properties.invitationValidity());
    String url = links.url("/invitation/" + link.token());
    events.publishEvent(StaffMails.invitation(agent, url, link.expiresAt(), invitedBy));
    return new IssuedLink(agent, url, link.expiresAt());
  }

  private Agent requireInvited(UUID agentId) {
    Agent agent = staff.requireAgent(agentId);
    if (agent.state() != AgentState.INVITED) {
      throw ProblemException.conflict("not-invited", agent.displayName() + " is " + agent.state().label()
          + ", not invited: there is no invitation to send or withdraw.");
    }
    return agent;
  }
}
