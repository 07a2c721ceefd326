package dev.tact.staff.signin;

import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Lists an agent's sessions whole. Spring Session reads a principal's sessions with one join of sessions and their
 * attributes and starts a new session at each row whose session differs from the row before; its query does not
 * order the rows (spring-session#3452). When the database returns two sessions' rows interleaved (a hash join does,
 * in the attributes' storage order), each session keeps only its last run of attributes, and the admin's list shows
 * a session without its address, device or sign-in time. Ordering by the session's key keeps each session's rows
 * together.
 */
@Configuration(proxyBeanMethods = false)
class SessionListing {

  static final String SESSIONS_OF_PRINCIPAL = """
      SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL,
        SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
      FROM %1$s S
      LEFT JOIN %1$s_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
      WHERE S.PRINCIPAL_NAME = ?
      ORDER BY S.PRIMARY_ID""";

  /** The table is named here rather than left to Spring Session, whose name may be set after this runs. */
  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionsListedWhole(JdbcSessionProperties properties) {
    return repository -> repository.setListSessionsByPrincipalNameQuery(
        SESSIONS_OF_PRINCIPAL.formatted(properties.getTableName()));
  }
}
