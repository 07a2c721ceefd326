package dev.tact.staff;

import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agents and teams: who works here, in which team, with which role. */
@Service
public class StaffDirectory {

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Clock clock;

  StaffDirectory(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.clock = clock;
  }

  @Transactional
  public Agent createAgent(String email, String displayName, Role role, String password) {
    String normalisedEmail = email.trim().toLowerCase(Locale.ROOT);
    if (findAgentByEmail(normalisedEmail).isPresent()) {
      throw ProblemException.conflict("agent-exists", "An agent with email " + normalisedEmail + " exists already.");
    }
    if (password == null || password.length() < 10) {
      throw ProblemException.invalid("weak-password", "A password needs at least 10 characters.");
    }
    UUID id = Ids.newId();
    jdbc.sql("""
        INSERT INTO staff_agent (id, email, display_name, password_hash, role, active, created_at)
        VALUES (:id, :email, :name, :hash, :role, TRUE, :now)""")
        .param("id", id).param("email", normalisedEmail).param("name", displayName)
        .param("hash", passwords.encode(password)).param("role", role.name())
        .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
        .update();
    return agent(id).orElseThrow();
  }

  public boolean hasAnyAgent() {
    return jdbc.sql("SELECT COUNT(*) FROM staff_agent").query(Long.class).single() > 0;
  }

  public Optional<Agent> agent(UUID id) {
    return jdbc.sql("SELECT * FROM staff_agent WHERE id = :id").param("id", id).query(StaffRows::agent).optional();
  }

  public Agent requireAgent(UUID id) {
    return agent(id).orElseThrow(() -> ProblemException.notFound("agent", id));
  }

  public Optional<Agent> findAgentByEmail(String email) {
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

  /** Sets an agent's escalation tier in a team (they must be a member). */
  @Transactional
  public void setTier(UUID teamId, UUID agentId, Tier tier) {
    requireTeam(teamId);
    requireAgent(agentId);
    if (jdbc.sql("UPDATE staff_team_member SET tier = :tier WHERE team_id = :team AND agent_id = :agent")
        .param("tier", tier.name()).param("team", teamId).param("agent", agentId).update() == 0) {
      throw ProblemException.invalid("not-a-member", "The agent is not a member of this team.");
    }
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

  @Transactional
  public Team createTeam(String name) {
    String trimmed = name == null ? "" : name.trim();
    if (trimmed.isEmpty() || trimmed.length() > 100) {
      throw ProblemException.invalid("invalid-team-name", "A team needs a name of 1 to 100 characters.");
    }
    if (teamByName(trimmed).isPresent()) {
      throw ProblemException.conflict("team-exists", "A team named " + trimmed + " exists already.");
    }
    UUID id = Ids.newId();
    jdbc.sql("INSERT INTO staff_team (id, name, created_at) VALUES (:id, :name, :now)")
        .param("id", id).param("name", trimmed).param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
        .update();
    return team(id).orElseThrow();
  }

  @Transactional
  public void addMember(UUID teamId, UUID agentId) {
    requireTeam(teamId);
    requireAgent(agentId);
    jdbc.sql("""
        INSERT INTO staff_team_member (team_id, agent_id) VALUES (:team, :agent)
        ON CONFLICT DO NOTHING""").param("team", teamId).param("agent", agentId).update();
  }

  public Optional<Team> team(UUID id) {
    return jdbc.sql("SELECT id, name FROM staff_team WHERE id = :id").param("id", id)
        .query(StaffDirectory::teamRow).optional().map(this::withMembers);
  }

  public Team requireTeam(UUID id) {
    return team(id).orElseThrow(() -> ProblemException.notFound("team", id));
  }

  public Optional<Team> teamByName(String name) {
    return jdbc.sql("SELECT id, name FROM staff_team WHERE name = :name").param("name", name)
        .query(StaffDirectory::teamRow).optional().map(this::withMembers);
  }

  public List<Team> teams() {
    return jdbc.sql("SELECT id, name FROM staff_team ORDER BY name").query(StaffDirectory::teamRow).list().stream()
        .map(this::withMembers).toList();
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
}
