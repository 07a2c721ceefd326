package dev.tact.staff;

import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Agents log in with their email address and password; only active agents can. */
@Component
class StaffUserDetailsService implements UserDetailsService {

  private final JdbcClient jdbc;

  StaffUserDetailsService(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    // an invited agent has no password yet: disabled, like a deactivated one, so no password can match
    return jdbc.sql("SELECT email, COALESCE(password_hash, '') AS password_hash, role, state FROM staff_agent WHERE email = :email")
        .param("email", username.trim().toLowerCase(Locale.ROOT))
        .query((rs, n) -> User.withUsername(rs.getString("email"))
            .password(rs.getString("password_hash"))
            .authorities(Role.valueOf(rs.getString("role")).authorities().toArray(String[]::new))
            .disabled(!AgentState.ACTIVE.name().equals(rs.getString("state")))
            .build())
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException("no such agent"));
  }
}
