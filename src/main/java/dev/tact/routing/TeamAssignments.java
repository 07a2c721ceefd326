package dev.tact.routing;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.staff.StaffDirectory;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each team's way of handing new conversations to its agents; a team that has not chosen follows
 * {@code tact.routing.assignment}, so one setting serves small installations and admins can differ per team.
 */
@Service
public class TeamAssignments {

  /** A team's mode, and whether it is the installation's default rather than the team's own choice. */
  public record Setting(UUID teamId, AssignmentMode mode, boolean inherited) {

    /** The mode's id, or {@code default} when the team follows the installation's setting (for forms). */
    public String choice() {
      return inherited ? "default" : mode.id();
    }
  }

  private final JdbcClient jdbc;
  private final StaffDirectory staff;
  private final RoutingProperties properties;
  private final AuditLog audit;

  TeamAssignments(JdbcClient jdbc, StaffDirectory staff, RoutingProperties properties, AuditLog audit) {
    this.jdbc = jdbc;
    this.staff = staff;
    this.properties = properties;
    this.audit = audit;
  }

  /** The mode of teams that have not chosen their own ({@code tact.routing.assignment}). */
  public AssignmentMode installationDefault() {
    return properties.assignmentMode();
  }

  /** The mode the team assigns by now (one query: the front door asks for every new conversation). */
  AssignmentMode modeOf(UUID teamId) {
    return setting(teamId, chosenMode(teamId)).mode();
  }

  /** The team's setting; 404 Problem for an unknown team. */
  public Setting of(UUID teamId) {
    staff.requireTeam(teamId);
    return setting(teamId, chosenMode(teamId));
  }

  /** Every team's setting, by team, in one query (for a page listing all teams). */
  public Map<UUID, Setting> of(Collection<UUID> teamIds) {
    Map<UUID, AssignmentMode> chosen = jdbc.sql("SELECT team_id, mode FROM routing_team_assignment")
        .query((rs, n) -> Map.entry(rs.getObject("team_id", UUID.class), AssignmentMode.valueOf(rs.getString("mode"))))
        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    return teamIds.stream().collect(Collectors.toMap(id -> id, id -> setting(id, Optional.ofNullable(chosen.get(id)))));
  }

  private Optional<AssignmentMode> chosenMode(UUID teamId) {
    return jdbc.sql("SELECT mode FROM routing_team_assignment WHERE team_id = :team").param("team", teamId)
        .query(String.class).optional().map(AssignmentMode::valueOf);
  }

  private Setting setting(UUID teamId, Optional<AssignmentMode> chosen) {
    return chosen.map(mode -> new Setting(teamId, mode, false))
        .orElseGet(() -> new Setting(teamId, properties.assignmentMode(), true));
  }

  /**
   * Sets the team's mode: {@code least-loaded}, {@code round-robin}, {@code none}, or {@code default} (blank too)
   * to follow the installation's setting again. An unknown value is a 422 Problem and changes nothing.
   */
  @Transactional
  public Setting set(UUID teamId, String choice) {
    String team = staff.requireTeam(teamId).name();
    Setting before = of(teamId);
    boolean inherit = choice == null || choice.isBlank() || choice.strip().equalsIgnoreCase("default");
    AssignmentMode mode = inherit ? null : AssignmentMode.parse(choice);
    jdbc.sql("DELETE FROM routing_team_assignment WHERE team_id = :team").param("team", teamId).update();
    if (mode != null) {
      jdbc.sql("INSERT INTO routing_team_assignment (team_id, mode) VALUES (:team, :mode)")
          .param("team", teamId).param("mode", mode.name()).update();
    }
    Setting after = of(teamId);
    audit.record(AuditRecord.of("routing.assignment.changed", "team", teamId, "Team " + team + " assigns "
        + (after.inherited() ? "by the installation's default (" + after.mode().id() + ")" : "by " + after.mode().id()))
        .change(before, after));
    return after;
  }
}
