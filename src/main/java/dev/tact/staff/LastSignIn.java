package dev.tact.staff;

import static dev.tact.shared.SqlTime.utc;

import java.time.Clock;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/** Notes when an agent last signed in with their password, for the staff list. */
@Component
class LastSignIn {

  private final JdbcClient jdbc;
  private final Clock clock;

  LastSignIn(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener
  void on(AuthenticationSuccessEvent success) {
    if (success.getAuthentication().getPrincipal() instanceof UserDetails user) {
      jdbc.sql("UPDATE staff_agent SET last_signed_in_at = :now WHERE email = :email")
          .param("now", utc(clock.instant())).param("email", user.getUsername().toLowerCase(Locale.ROOT)).update();
    }
  }
}
