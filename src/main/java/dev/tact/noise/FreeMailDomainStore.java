package dev.tact.noise;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Admins' changes to the shipped list of free-mail domains: a domain added, or a shipped one taken off. */
@Repository
class FreeMailDomainStore {

  record Change(String domain, boolean listed, Instant changedAt, String changedBy) {}

  private final JdbcClient jdbc;

  FreeMailDomainStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Change> all() {
    return jdbc.sql("SELECT * FROM noise_free_mail_domain ORDER BY changed_at DESC, domain")
        .query(FreeMailDomainStore::change).list();
  }

  Optional<Change> find(String domain) {
    return jdbc.sql("SELECT * FROM noise_free_mail_domain WHERE domain = :domain").param("domain", domain)
        .query(FreeMailDomainStore::change).optional();
  }

  void save(Change change) {
    int updated = jdbc.sql("""
        UPDATE noise_free_mail_domain SET listed = :listed, changed_at = :at, changed_by = :by WHERE domain = :domain""")
        .param("listed", change.listed()).param("at", utc(change.changedAt())).param("by", change.changedBy())
        .param("domain", change.domain()).update();
    if (updated == 0) {
      jdbc.sql("""
          INSERT INTO noise_free_mail_domain (domain, listed, changed_at, changed_by)
          VALUES (:domain, :listed, :at, :by) ON CONFLICT DO NOTHING""")
          .param("listed", change.listed()).param("at", utc(change.changedAt())).param("by", change.changedBy())
          .param("domain", change.domain()).update();
    }
  }

  void delete(String domain) {
    jdbc.sql("DELETE FROM noise_free_mail_domain WHERE domain = :domain").param("domain", domain).update();
  }

  private static Change change(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Change(rs.getString("domain"), rs.getBoolean("listed"), instant(rs, "changed_at"),
        rs.getString("changed_by"));
  }
}
