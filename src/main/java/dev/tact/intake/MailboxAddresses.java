package dev.tact.intake;

import dev.tact.mail.StaffAddressSource;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The configured mailboxes' addresses: their domains are staff domains (see {@link dev.tact.mail.StaffDomains}). */
@Component
class MailboxAddresses implements StaffAddressSource {

  private final JdbcClient jdbc;

  MailboxAddresses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String kind() {
    return "mailbox";
  }

  @Override
  public List<String> staffAddresses() {
    return jdbc.sql("SELECT address FROM intake_mailbox ORDER BY address").query(String.class).list();
  }
}
