package dev.tact.staff;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.mail.StaffDomainsChanged;
import dev.tact.shared.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins change about agents: role, name, whether they may sign in. The installation always keeps an active
 * admin: demoting or deactivating the last one is refused.
 */
@Service
public class AgentAdministration {

  /** An agent as the staff pages show them: with their teams, and until when their invitation link works. */
  public record StaffMember(Agent agent, List<StaffDirectory.Membership> teams, Instant invitationUntil) {

    /** The agent's last sign-in with a password, null when never. */
    @com.fasterxml.jackson.annotation.JsonProperty("lastSignedInAt")
    public Instant lastSignedInAt() {
      return agent.lastSignedInAt();
    }
  }

  private final JdbcClient jdbc;
  private final StaffDirectory staff;
  private final StaffLinks links;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;

  AgentAdministration(JdbcClient jdbc, StaffDirectory staff, StaffLinks links, ApplicationEventPublisher events,
      AuditLog audit) {
    this.jdbc = jdbc;
    this.staff = staff;
    this.links = links;
    this.events = events;
    this.audit = audit;
  }

  /** Everyone on the staff, by name. */
  public List<StaffMember> list() {
    Map<UUID, List<StaffDirectory.Membership>> teams = staff.allMemberships();
    return staff.agents().stream().map(a -> new StaffMember(a, teams.getOrDefault(a.id(), List.of()),
        a.state() == AgentState.INVITED ? links.openUntil(a.id(), LinkPurpose.INVITATION).orElse(null) : null)).toList();
  }

  public StaffMember member(UUID agentId) {
    Agent agent = staff.requireAgent(agentId);
    return new StaffMember(agent, staff.memberships(agentId), agent.state() == AgentState.INVITED
        ? links.openUntil(agentId, LinkPurpose.INVITATION).orElse(null) : null);
  }

  /** Changes the role and/or the name (null: unchanged) together: both or, on bad input, neither. */
  @Transactional
  public Agent update(UUID agentId, Role role, String displayName) {
    if (role == null && displayName == null) {
      throw ProblemException.invalid("empty-change", "Give a role (agent, lead or admin) and/or a displayName.");
    }
    if (displayName != null) {
      StaffInput.displayName(displayName);
    }
    if (role != null) {
      changeRole(agentId, role);
    }
    return displayName == null ? staff.requireAgent(agentId) : rename(agentId, displayName);
  }

  @Transactional
  public Agent changeRole(UUID agentId, Role role) {
    if (role == null) {
      throw ProblemException.invalid("unknown-role", "Give a role: agent, lead or admin.");
    }
    Agent agent = staff.requireAgent(agentId);
    if (agent.role() == role) {
      return agent;
    }
    if (agent.role() == Role.ADMIN) {
      agent = keepAnAdminBesides(agentId, "give them another role");
    }
    jdbc.sql("UPDATE staff_agent SET role = :role WHERE id = :id").param("role", role.name()).param("id", agentId)
        .update();
    Agent changed = staff.requireAgent(agentId);
    audit.record(AuditRecord.of("staff.agent.role", "agent", agentId, agent.displayName() + " is now "
        + role.label() + " (was " + agent.role().label() + ")")
        .change(StaffSnapshots.of(agent), StaffSnapshots.of(changed)));
    return changed;
  }

  @Transactional
  public Agent rename(UUID agentId, String displayName) {
    Agent agent = staff.requireAgent(agentId);
    String name = StaffInput.displayName(displayName);
    if (name.equals(agent.displayName())) {
      return agent;
    }
    jdbc.sql("UPDATE staff_agent SET display_name = :name WHERE id = :id").param("name", name).param("id", agentId)
        .update();
    Agent changed = staff.requireAgent(agentId);
    audit.record(AuditRecord.of("staff.agent.renamed", "agent", agentId, agent.displayName() + " is now called "
        + name).change(StaffSnapshots.of(agent), StaffSnapshots.of(changed)));
    return changed;
  }

  /**
   * Takes an agent's sign-in away: their links stop working, {@link AgentDeactivated} ends their sessions and gives
   * their open conversations back to their teams, in this transaction. Their name stays in every history. Refused
   * for the last active admin, and for someone only invited (withdraw the invitation instead).
   */
  @Transactional
  public Agent deactivate(UUID agentId) {
    Agent agent = staff.requireAgent(agentId);
    if (agent.state() == AgentState.DEACTIVATED) {
      return agent;
    }
    if (agent.state() == AgentState.INVITED) {
      throw ProblemException.conflict("agent-invited", agent.displayName() + " has not accepted the invitation yet: "
          + "withdraw the invitation instead.");
    }
    if (agent.role() == Role.ADMIN) {
      agent = keepAnAdminBesides(agentId, "deactivate them");
    }
    jdbc.sql("UPDATE staff_agent SET state = 'DEACTIVATED', active = FALSE WHERE id = :id").param("id", agentId).update();
    links.revokeOpen(agentId, null);
    Agent changed = staff.requireAgent(agentId);
    audit.record(AuditRecord.of("staff.agent.deactivated", "agent", agentId, "Deactivated " + agent.displayName()
        + " <" + agent.email() + ">").change(StaffSnapshots.of(agent), StaffSnapshots.of(changed)));
    events.publishEvent(new AgentDeactivated(agentId, agent.email()));
    events.publishEvent(new StaffDomainsChanged("agent " + agent.email() + " deactivated"));
    return changed;
  }

  /** Lets a deactivated agent sign in again with their password; their teams are as they were. */
  @Transactional
  public Agent reactivate(UUID agentId) {
    Agent agent = staff.requireAgent(agentId);
    if (agent.state() != AgentState.DEACTIVATED) {
      throw ProblemException.conflict("agent-not-deactivated", agent.displayName() + " is " + agent.state().label()
          + ", not deactivated.");
    }
    jdbc.sql("UPDATE staff_agent SET state = 'ACTIVE', active = TRUE WHERE id = :id").param("id", agentId).update();
    Agent changed = staff.requireAgent(agentId);
    audit.record(AuditRecord.of("staff.agent.reactivated", "agent", agentId, "Reactivated " + agent.displayName()
        + " <" + agent.email() + ">").change(StaffSnapshots.of(agent), StaffSnapshots.of(changed)));
    events.publishEvent(new StaffDomainsChanged("agent " + agent.email() + " reactivated"));
    return changed;
  }

  /**
   * Refuses (409) when this agent is the only active admin. Every active admin's row is locked first, so that two
   * admins demoting each other at the same moment are taken one after the other and the second is refused; the
   * agent is read again after the lock, as the other change may have committed meanwhile.
   */
  private Agent keepAnAdminBesides(UUID agentId, String what) {
    jdbc.sql("SELECT id FROM staff_agent WHERE role = 'ADMIN' AND state = 'ACTIVE' FOR UPDATE").query(UUID.class).list();
    Agent agent = staff.requireAgent(agentId);
    if (agent.role() != Role.ADMIN || agent.state() != AgentState.ACTIVE) {
      return agent;
    }
    long others = jdbc.sql("SELECT COUNT(*) FROM staff_agent WHERE role = 'ADMIN' AND state = 'ACTIVE' AND id <> :id")
        .param("id", agentId).query(Long.class).single();
    if (others == 0) {
      throw ProblemException.conflict("last-admin", agent.displayName() + " is the only active admin. Make someone "
          + "else an admin first, then " + what + ".");
    }
    return agent;
  }
}
