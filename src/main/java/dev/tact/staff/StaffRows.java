package dev.tact.staff;

import static dev.tact.shared.SqlTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

final class StaffRows {

  private StaffRows() {}

  static Agent agent(ResultSet rs, int row) throws SQLException {
    return new Agent(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
        Role.valueOf(rs.getString("role")), rs.getBoolean("active"), instant(rs, "created_at"),
        rs.getBoolean("available"), rs.getInt("capacity"), AgentState.valueOf(rs.getString("state")),
        instant(rs, "last_signed_in_at"));
  }

  /** A token row as it stands at {@code now} (expired or not); {@code defaultLimit} fills in its effective limit. */
  static ApiToken token(ResultSet rs, Instant now, ApiRateLimit defaultLimit) throws SQLException {
    Instant expiresAt = instant(rs, "expires_at");
    Instant revokedAt = instant(rs, "revoked_at");
    ApiToken.State state = revokedAt != null ? ApiToken.State.REVOKED
        : expiresAt != null && !expiresAt.isAfter(now) ? ApiToken.State.EXPIRED : ApiToken.State.ACTIVE;
    ApiRateLimit own = rs.getBoolean("rate_unlimited") ? ApiRateLimit.UNLIMITED
        : rs.getObject("rate_per_second") == null ? null
        : new ApiRateLimit(false, rs.getInt("rate_per_second"), rs.getInt("rate_burst"));
    return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("token_prefix"),
        Role.valueOf(rs.getString("role")), ApiScope.load(rs.getString("scopes")), state, instant(rs, "created_at"),
        rs.getString("created_by_name"), expiresAt, instant(rs, "last_used_at"), revokedAt, rs.getString("revoked_by"),
        own, own == null ? defaultLimit : own);
  }
}
