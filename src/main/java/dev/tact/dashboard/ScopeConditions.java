package dev.tact.dashboard;

import dev.tact.shared.SqlTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The SQL conditions a scope's filters add to a panel's query: {@code AND column = :parameter} for each filter set,
 * with the period on the panel's time column. A panel names its own columns; a column given as null means the
 * panel's table cannot be narrowed that way (the panel says so in its explanation).
 */
public final class ScopeConditions {

  private final StringBuilder sql = new StringBuilder();
  private final Map<String, Object> parameters = new HashMap<>();
  private final ReportScope scope;

  private ScopeConditions(ReportScope scope) {
    this.scope = scope;
  }

  public static ScopeConditions of(ReportScope scope) {
    return new ScopeConditions(scope);
  }

  /** {@code column} in {@code [from, to)}. */
  public ScopeConditions period(String column) {
    sql.append(" AND ").append(column).append(" >= :periodFrom AND ").append(column).append(" < :periodTo");
    parameters.put("periodFrom", SqlTime.utc(scope.from()));
    parameters.put("periodTo", SqlTime.utc(scope.to()));
    return this;
  }

  /** {@code column} before the period's end. */
  public ScopeConditions before(String column) {
    sql.append(" AND ").append(column).append(" < :periodTo");
    parameters.put("periodTo", SqlTime.utc(scope.to()));
    return this;
  }

  public ScopeConditions team(String column) {
    if (scope.teamId() != null) {
      sql.append(" AND ").append(column).append(" = :scopeTeam");
      parameters.put("scopeTeam", scope.teamId());
    }
    return this;
  }

  public ScopeConditions agent(String column) {
    if (scope.agentId() != null) {
      sql.append(" AND ").append(column).append(" = :scopeAgent");
      parameters.put("scopeAgent", scope.agentId());
    }
    return this;
  }

  /** The channel as the modules store it: the enum constant's name. */
  public ScopeConditions channel(String column) {
    if (scope.channel() != null) {
      sql.append(" AND ").append(column).append(" = :scopeChannel");
      parameters.put("scopeChannel", scope.channel().name());
    }
    return this;
  }

  /** An intent condition of the panel's own shape, given {@code :scopeIntent} bound to {@code value}. */
  public ScopeConditions intent(String condition, String value) {
    if (scope.intent() != null) {
      sql.append(" AND ").append(condition);
      parameters.put("scopeIntent", value);
    }
    return this;
  }

  public String sql() {
    return sql.toString();
  }

  public Map<String, Object> parameters() {
    return new HashMap<>(parameters);
  }
}
