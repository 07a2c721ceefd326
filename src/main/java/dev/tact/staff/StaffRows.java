package dev.tact.staff;

import static dev.tact.shared.SqlTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

final class StaffRows {

  private StaffRows() {}

  static Agent agent(ResultSet rs, int row) throws SQLException {
    return new Agent(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
        Role.valueOf(rs.getString("role")), rs.getBoolean("active"), instant(rs, "created_at"),
        rs.getBoolean("available"), rs.getInt("capacity"), AgentState.valueOf(rs.getString("state")),
        instant(rs, "last_signed_in_at"));
  }

  static ApiToken token(ResultSet rs, int row) throws SQLException {
    return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("token_prefix"),
        Role.valueOf(rs.getString("role")), instant(rs, "created_at"), instant(rs, "last_used_at"),
        instant(rs, "revoked_at"));
  }
}
