package dev.tact.staff.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

@RequiresPostgres
@FreshPostgresDatabase
@SpringBootTest(properties = {"tact.demo.enabled=false", "tact.routing.enabled=false"})
@AutoConfigureMockMvc
@Import({SignInContract.Fixtures.class, SignInContract.PasswordChanges.class})
class SignInOnPostgresIntegrationTests extends SignInContract {

  @Autowired DataSource dataSource;
  @Autowired ObjectProvider<SessionRepositoryCustomizer<JdbcIndexedSessionRepository>> customizers;

  /**
   * Seen in CI: the admin's list of an agent's two sessions showed one without its address. A hash join returns the
   * attributes in their storage order; here two sessions' attributes are written alternately, and the planner is
   * left no other join, on a connection of its own with Tact's session repository settings.
   */
  @Test
  void shouldListEachOfAnAgentsSessionsWithAllItsFactsWhenTheDatabaseReturnsTheirRowsInterleaved() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
      JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(new JdbcTemplate(one),
          new TransactionTemplate(new DataSourceTransactionManager(one)));
      customizers.orderedStream().forEach(customizer -> customizer.customize(repository));
      FindByIndexNameSessionRepository<Session> sessions = sessionsOf(repository);
      String principal = "interleaved-" + UUID.randomUUID() + "@example.com";
      Session laptop = signedIn(sessions, principal);
      Session phone = signedIn(sessions, principal);
      for (String fact : new String[] {SessionFacts.USER_AGENT, SessionFacts.ADDRESS, SessionFacts.AT}) {
        laptop.setAttribute(fact, "laptop");
        sessions.save(laptop);
        phone.setAttribute(fact, "phone");
        sessions.save(phone);
      }
      try (Statement settings = connection.createStatement()) {
        settings.execute("ANALYZE staff_session, staff_session_attributes");
        settings.execute("SET enable_nestloop = off");
        settings.execute("SET enable_mergejoin = off");
      }
      try {
        Map<String, Session> listed = sessions.findByPrincipalName(principal);

        assertThat(listed).containsOnlyKeys(laptop.getId(), phone.getId());
        for (Session session : listed.values()) {
          String device = session.getId().equals(laptop.getId()) ? "laptop" : "phone";
          assertThat(session.<String>getAttribute(SessionFacts.USER_AGENT)).isEqualTo(device);
          assertThat(session.<String>getAttribute(SessionFacts.ADDRESS)).isEqualTo(device);
          assertThat(session.<String>getAttribute(SessionFacts.AT)).isEqualTo(device);
        }
      } finally {
        try (Statement settings = connection.createStatement()) {
          settings.execute("RESET enable_nestloop");
          settings.execute("RESET enable_mergejoin");
        }
      }
    }
  }

  private static Session signedIn(FindByIndexNameSessionRepository<Session> sessions, String principal) {
    Session session = sessions.createSession();
    session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principal);
    sessions.save(session);
    return session;
  }

  /** Its session type is not public; the interface's methods are. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static FindByIndexNameSessionRepository<Session> sessionsOf(JdbcIndexedSessionRepository repository) {
    return (FindByIndexNameSessionRepository) repository;
  }
}
