package dev.tact.staff;

import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Agents log in with their email address and password. */
@Component
class StaffUserDetailsService implements UserDetailsService {

  private final JdbcClient jdbc;

  StaffUserDetailsService(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return jdbc.sql("SELECT email, password_hash, role, active FROM staff_agent WHERE email = :email")
        .param("email", username.trim().toLowerCase(Locale.ROOT))
        .query((rs, n) -> User.withUsername(rs.getString("email"))
            .password(rs.getString("password_hash"))
            .authorities(Role.valueOf(rs.getString("role")).authorities().toArray(String[]::new))
            .disabled(!rs.getBoolean("active"))
            .build())
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException("no such agent"));
  }
}
