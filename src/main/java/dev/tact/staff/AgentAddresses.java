package dev.tact.staff;

import dev.tact.mail.StaffAddressSource;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The addresses of the agents who work here (invited or active; a deactivated agent's domain may have been a
 * contractor's): their domains are staff domains (see {@link dev.tact.mail.StaffDomains}).
 */
@Component
class AgentAddresses implements StaffAddressSource {

  private final JdbcClient jdbc;

  AgentAddresses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String kind() {
    return "agent";
  }

  @Override
  public List<String> staffAddresses() {
    return jdbc.sql("SELECT email FROM staff_agent WHERE state <> 'DEACTIVATED' ORDER BY email").query(String.class)
        .list();
  }
}
