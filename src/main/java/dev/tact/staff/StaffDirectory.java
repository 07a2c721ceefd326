package dev.tact.staff;

import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.mail.StaffDomainsChanged;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents and teams: who works here, in which team, with which role. Every change of a team or its members is
 * recorded in the audit log in the change's own transaction.
 */
@Service
public class StaffDirectory {

  static final String LIVE_TEAM = "deleted_at IS NULL";

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Clock clock;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final ObjectProvider<TeamUsage> usages;

  StaffDirectory(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, AuditLog audit,
      ApplicationEventPublisher events, ObjectProvider<TeamUsage> usages) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.clock = clock;
    this.audit = audit;
    this.events = events;
    this.usages = usages;
  }

  /** Creates an active agent who signs in with this password (the demo, the first admin, tests). */
  @Transactional
  public Agent createAgent(String email, String displayName, Role role, String password) {
    String normalisedEmail = StaffInput.email(email);
    String name = StaffInput.displayName(displayName);
    if (findAgentByEmail(normalisedEmail).isPresent()) {
      throw ProblemException.conflict("agent-exists", "An agent with email " + normalisedEmail + " exists already.");
    }
    PasswordRules.check(password, normalisedEmail);
    UUID id = Ids.newId();
    try {
      jdbc.sql("""
          INSERT INTO staff_agent (id, email, display_name, password_hash, role, active, state, created_at)
          VALUES (:id, :email, :name, :hash, :role, TRUE, 'ACTIVE', :now)""")
          .param("id", id).param("email", normalisedEmail).param("name", name)
          .param("hash", passwords.encode(password)).param("role", role.name())
          .param("now", utc(clock.instant()))
          .update();
    } catch (DuplicateKeyException e) {
      throw ProblemException.conflict("agent-exists", "An agent with email " + normalisedEmail + " was added just now.");
    }
    Agent agent = requireAgent(id);
    audit.record(AuditRecord.of("staff.agent.created", "agent", id, "Created " + role.label() + " " + name + " <"
        + normalisedEmail + ">").change(null, StaffSnapshots.of(agent)));
    events.publishEvent(new AgentPasswordChanged(id, normalisedEmail));
    events.publishEvent(new StaffDomainsChanged("agent " + normalisedEmail + " created"));
    return agent;
  }

  public boolean hasAnyAgent() {
    return jdbc.sql("SELECT COUNT(*) FROM staff_agent").query(Long.class).single() > 0;
  }

  /** Whether some admin can sign in. */
  public boolean hasActiveAdmin() {
    return jdbc.sql("SELECT COUNT(*) FROM staff_agent WHERE role = 'ADMIN' AND state = 'ACTIVE'").query(Long.class)
        .single() > 0;
  }

  public Optional<Agent> agent(UUID id) {
    return jdbc.sql("SELECT * FROM staff_agent WHERE id = :id").param("id", id).query(StaffRows::agent).optional();
  }

  public Agent requireAgent(UUID id) {
    return agent(id).orElseThrow(() -> ProblemException.notFound("agent", id));
  }

  public Optional<Agent> findAgentByEmail(String email) {
    if (email == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM staff_agent WHERE email = :email")
        .param("email", email.trim().toLowerCase(Locale.ROOT)).query(StaffRows::agent).optional();
  }

  public List<Agent> agents() {
    return jdbc.sql("SELECT * FROM staff_agent ORDER BY display_name").query(StaffRows::agent).list();
  }

  /** Display names of the given agents, for lists that show who is assigned. */
  public Map<UUID, String> agentNames(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql("SELECT id, display_name FROM staff_agent WHERE id IN (:ids)").param("ids", ids)
        .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("display_name"))).list()
        .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Sets whether the agent takes new conversations now, and how many open ones they carry at most (0–500). */
  @Transactional
  public Agent setAvailability(UUID agentId, boolean available, int capacity) {
    if (capacity < 0 || capacity > 500) {
      throw ProblemException.invalid("invalid-capacity", "capacity must be between 0 and 500.");
    }
    requireAgent(agentId);
    jdbc.sql("UPDATE staff_agent SET available = :available, capacity = :capacity WHERE id = :id")
        .param("available", available).param("capacity", capacity).param("id", agentId).update();
    return requireAgent(agentId);
  }

  /** Sets an agent's escalation tier in a team (they must be a member); the lead tier makes them a team lead. */
  @Transactional
  public void setTier(UUID teamId, UUID agentId, Tier tier) {
    Team team = requireTeam(teamId);
    Agent agent = requireAgent(agentId);
    Optional<Tier> before = tierIn(teamId, agentId);
    if (before.isEmpty()) {
      throw ProblemException.invalid("not-a-member", "The agent is not a member of this team.");
    }
    if (before.get() == tier) {
      return;
    }
    jdbc.sql("UPDATE staff_team_member SET tier = :tier WHERE team_id = :team AND agent_id = :agent")
        .param("tier", tier.name()).param("team", teamId).param("agent", agentId).update();
    audit.record(AuditRecord.of("staff.team.member.tier", "team", teamId, agent.displayName() + " is "
        + tier.label() + " in " + team.name() + " (was " + before.get().label() + ")")
        .change(Map.of("agent", agentId.toString(), "tier", before.get().name()),
            Map.of("agent", agentId.toString(), "tier", tier.name())));
  }

  /** The active agents of a team at this escalation tier, by name. */
  public List<Agent> members(UUID teamId, Tier tier) {
    return jdbc.sql("""
        SELECT a.* FROM staff_agent a JOIN staff_team_member m ON m.agent_id = a.id
        WHERE m.team_id = :team AND m.tier = :tier AND a.active ORDER BY a.display_name, a.id""")
        .param("team", teamId).param("tier", tier.name()).query(StaffRows::agent).list();
  }

  /** The active agents of a team, by name. */
  public List<Agent> members(UUID teamId) {
    return jdbc.sql("""
        SELECT a.* FROM staff_agent a JOIN staff_team_member m ON m.agent_id = a.id
        WHERE m.team_id = :team AND a.active ORDER BY a.display_name, a.id""")
        .param("team", teamId).query(StaffRows::agent).list();
  }

  /** Every member of a team (invited and deactivated ones too) with their tier, by name. */
  public List<TeamMember> teamMembers(UUID teamId) {
    return jdbc.sql("""
        SELECT a.*, m.tier AS member_tier FROM staff_agent a JOIN staff_team_member m ON m.agent_id = a.id
        WHERE m.team_id = :team ORDER BY a.display_name, a.id""")
        .param("team", teamId)
        .query((rs, n) -> new TeamMember(StaffRows.agent(rs, n), Tier.valueOf(rs.getString("member_tier")))).list();
  }

  /** The teams an agent is a member of, with their tier in each, by team name. */
  public List<Membership> memberships(UUID agentId) {
    return jdbc.sql("""
        SELECT t.id, t.name, m.tier FROM staff_team t JOIN staff_team_member m ON m.team_id = t.id
        WHERE m.agent_id = :agent AND t.deleted_at IS NULL ORDER BY t.name""")
        .param("agent", agentId)
        .query((rs, n) -> new Membership(rs.getObject("id", UUID.class), rs.getString("name"),
            Tier.valueOf(rs.getString("tier")))).list();
  }

  /** Every agent's memberships, by agent id (for lists of all staff). */
  public Map<UUID, List<Membership>> allMemberships() {
    Map<UUID, List<Membership>> result = new LinkedHashMap<>();
    jdbc.sql("""
        SELECT m.agent_id, t.id, t.name, m.tier FROM staff_team t JOIN staff_team_member m ON m.team_id = t.id
        WHERE t.deleted_at IS NULL ORDER BY t.name""")
        .query(rs -> {
          result.computeIfAbsent(rs.getObject("agent_id", UUID.class), k -> new ArrayList<>())
              .add(new Membership(rs.getObject("id", UUID.class), rs.getString("name"), Tier.valueOf(rs.getString("tier"))));
        });
    return result;
  }

  @Transactional
  public Team createTeam(String name) {
    String trimmed = StaffInput.teamName(name);
    if (teamByName(trimmed).isPresent()) {
      throw teamExists(trimmed);
    }
    UUID id = Ids.newId();
    try {
      jdbc.sql("INSERT INTO staff_team (id, name, live_name, created_at) VALUES (:id, :name, :name, :now)")
          .param("id", id).param("name", trimmed).param("now", utc(clock.instant()))
          .update();
    } catch (DuplicateKeyException e) {
      throw teamExists(trimmed);
    }
    audit.record(AuditRecord.of("staff.team.created", "team", id, "Created team " + trimmed)
        .change(null, Map.of("name", trimmed)));
    return team(id).orElseThrow();
  }

  /** Gives a team another name (unique among teams); its conversations, members and settings stay. */
  @Transactional
  public Team renameTeam(UUID teamId, String name) {
    Team team = requireTeam(teamId);
    String trimmed = StaffInput.teamName(name);
    if (trimmed.equals(team.name())) {
      return team;
    }
    if (teamByName(trimmed).filter(other -> !other.id().equals(teamId)).isPresent()) {
      throw teamExists(trimmed);
    }
    try {
      jdbc.sql("UPDATE staff_team SET name = :name, live_name = :name WHERE id = :id")
          .param("name", trimmed).param("id", teamId).update();
    } catch (DuplicateKeyException e) {
      throw teamExists(trimmed);
    }
    audit.record(AuditRecord.of("staff.team.renamed", "team", teamId, "Renamed team " + team.name() + " to " + trimmed)
        .change(Map.of("name", team.name()), Map.of("name", trimmed)));
    return requireTeam(teamId);
  }

  /**
   * Deletes a team nothing needs any more: refused (409, nothing changes) while it has open conversations or
   * another module's settings (mailboxes, routing) name it. Its members and skills go; the team itself stays
   * hidden, so that closed conversations, reports and the audit log can still name it.
   */
  @Transactional
  public void deleteTeam(UUID teamId) {
    Team team = requireTeam(teamId);
    List<String> uses = usages.orderedStream().flatMap(u -> u.usesOf(teamId).stream()).toList();
    if (!uses.isEmpty()) {
      throw ProblemException.conflict("team-in-use", "Team " + team.name() + " cannot be deleted while it has "
          + String.join(", ", uses) + ". Move or close them first.");
    }
    List<String> members = teamMembers(teamId).stream().map(m -> m.agent().displayName()).toList();
    jdbc.sql("DELETE FROM staff_team_member WHERE team_id = :id").param("id", teamId).update();
    jdbc.sql("DELETE FROM staff_team_skill WHERE team_id = :id").param("id", teamId).update();
    jdbc.sql("UPDATE staff_team SET deleted_at = :now, live_name = NULL WHERE id = :id")
        .param("now", utc(clock.instant())).param("id", teamId).update();
    audit.record(AuditRecord.of("staff.team.deleted", "team", teamId, "Deleted team " + team.name())
        .change(Map.of("name", team.name(), "members", members), null));
  }

  /** Adds an agent to a team (at first line); a member already is left as they are. */
  @Transactional
  public void addMember(UUID teamId, UUID agentId) {
    if (tierIn(teamId, agentId).isEmpty()) {
      addMember(teamId, agentId, Tier.FIRST_LINE);
    }
  }

  /** Adds an agent to a team at this tier; for a member already, sets the tier. */
  @Transactional
  public void addMember(UUID teamId, UUID agentId, Tier tier) {
    Team team = requireTeam(teamId);
    Agent agent = requireAgent(agentId);
    if (tierIn(teamId, agentId).isPresent()) {
      setTier(teamId, agentId, tier);
      return;
    }
    jdbc.sql("""
        INSERT INTO staff_team_member (team_id, agent_id, tier) VALUES (:team, :agent, :tier)
        ON CONFLICT DO NOTHING""").param("team", teamId).param("agent", agentId).param("tier", tier.name()).update();
    audit.record(AuditRecord.of("staff.team.member.added", "team", teamId, "Added " + agent.displayName() + " to "
        + team.name() + " (" + tier.label() + ")")
        .change(null, Map.of("agent", agentId.toString(), "tier", tier.name())));
  }

  /** Takes an agent out of a team; not a member: nothing happens. */
  @Transactional
  public void removeMember(UUID teamId, UUID agentId) {
    Team team = requireTeam(teamId);
    Agent agent = requireAgent(agentId);
    Optional<Tier> before = tierIn(teamId, agentId);
    if (before.isEmpty()) {
      return;
    }
    jdbc.sql("DELETE FROM staff_team_member WHERE team_id = :team AND agent_id = :agent")
        .param("team", teamId).param("agent", agentId).update();
    audit.record(AuditRecord.of("staff.team.member.removed", "team", teamId, "Removed " + agent.displayName()
        + " from " + team.name())
        .change(Map.of("agent", agentId.toString(), "tier", before.get().name()), null));
  }

  private static ProblemException teamExists(String name) {
    return ProblemException.conflict("team-exists", "A team named " + name + " exists already.");
  }

  private Optional<Tier> tierIn(UUID teamId, UUID agentId) {
    return jdbc.sql("SELECT tier FROM staff_team_member WHERE team_id = :team AND agent_id = :agent")
        .param("team", teamId).param("agent", agentId).query(String.class).optional().map(Tier::valueOf);
  }

  /** A team that is not deleted. */
  public Optional<Team> team(UUID id) {
    return jdbc.sql("SELECT id, name FROM staff_team WHERE id = :id AND " + LIVE_TEAM).param("id", id)
        .query(StaffDirectory::teamRow).optional().map(this::withMembers);
  }

  public Team requireTeam(UUID id) {
    return team(id).orElseThrow(() -> ProblemException.notFound("team", id));
  }

  public Optional<Team> teamByName(String name) {
    return jdbc.sql("SELECT id, name FROM staff_team WHERE live_name = :name").param("name", name)
        .query(StaffDirectory::teamRow).optional().map(this::withMembers);
  }

  /** Every live team with its members, in two queries however many teams there are (pages list them all). */
  public List<Team> teams() {
    List<TeamRow> rows = jdbc.sql("SELECT id, name FROM staff_team WHERE " + LIVE_TEAM + " ORDER BY name")
        .query(StaffDirectory::teamRow).list();
    java.util.Map<UUID, List<UUID>> members = new java.util.HashMap<>();
    jdbc.sql("SELECT m.team_id, m.agent_id FROM staff_team_member m JOIN staff_team t ON t.id = m.team_id WHERE t."
            + LIVE_TEAM + " ORDER BY m.agent_id")
        .query(rs -> {
          members.computeIfAbsent(rs.getObject("team_id", UUID.class), id -> new java.util.ArrayList<>())
              .add(rs.getObject("agent_id", UUID.class));
        });
    return rows.stream().map(team -> new Team(team.id(), team.name(),
        members.getOrDefault(team.id(), new java.util.ArrayList<>()))).toList();
  }

  /** The ids of the teams the agent is a member of. */
  public List<UUID> teamIdsOf(UUID agentId) {
    return jdbc.sql("SELECT team_id FROM staff_team_member WHERE agent_id = :agent ORDER BY team_id")
        .param("agent", agentId).query(UUID.class).list();
  }

  /** A team row alone: members are read after its result set is closed, never inside a row mapper. */
  private record TeamRow(UUID id, String name) {}

  private static TeamRow teamRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new TeamRow(rs.getObject("id", UUID.class), rs.getString("name"));
  }

  private Team withMembers(TeamRow team) {
    List<UUID> members = jdbc.sql("SELECT agent_id FROM staff_team_member WHERE team_id = :id ORDER BY agent_id")
        .param("id", team.id()).query(UUID.class).list();
    return new Team(team.id(), team.name(), members);
  }

  /** A member of a team and their tier there. */
  public record TeamMember(Agent agent, Tier tier) {

    public boolean lead() {
      return tier == Tier.LEAD;
    }
  }

  /** A team an agent is a member of, and their tier there. */
  public record Membership(UUID teamId, String teamName, Tier tier) {}
}
