package dev.tact.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.shared.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;

@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:audit-log;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false"})
class AuditLogIntegrationTests {

  @Autowired
  AuditLog audit;

  @Autowired
  AuditRetention retention;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TransactionTemplate transactions;

  @BeforeEach
  void empty() {
    jdbc.sql("DELETE FROM audit_entry").update();
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldRecordWhoDidWhatWithTheStateBeforeAndAfter() {
    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
        "ada@example.com", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    UUID mailbox = UUID.randomUUID();

    audit.record(AuditRecord.of("mailbox.updated", "mailbox", mailbox, "Changed the folder of support@")
        .change(Map.of("folder", "INBOX"), Map.of("folder", "Support")));

    AuditEntry entry = audit.search(AuditQuery.ALL, new PageRequest(0, 10)).items().getFirst();
    assertThat(entry.actor()).isEqualTo(new AuditActor(AuditActor.Kind.AGENT, "ada@example.com"));
    assertThat(entry.action()).isEqualTo("mailbox.updated");
    assertThat(entry.targetId()).isEqualTo(mailbox.toString());
    assertThat(entry.before()).isEqualTo("{\"folder\":\"INBOX\"}");
    assertThat(entry.after()).isEqualTo("{\"folder\":\"Support\"}");
  }

  @Test
  void shouldNameTactItselfWhenNobodyIsSignedInAndNoRequestIsServed() {
    RequestContextHolder.resetRequestAttributes(); // the test framework's mock request would count as one
    audit.record(AuditRecord.of("noise.held.released", "held-group", "g1", "Released by a timer"));

    assertThat(audit.search(AuditQuery.ALL, new PageRequest(0, 10)).items().getFirst().actor())
        .isEqualTo(AuditActor.SYSTEM);
  }

  @Test
  void shouldVanishWithTheChangeWhenTheCallersTransactionRollsBackButKeepWhatWasRecordedAlone() {
    transactions.executeWithoutResult(status -> {
      audit.record(AuditRecord.of("team.renamed", "team", "t1", "Renamed a team"));
      audit.recordAlone(AuditRecord.of("signin.failed", "agent", "x", "Wrong password")
          .by(AuditActor.anonymous("x@example.com")));
      status.setRollbackOnly();
    });

    List<AuditEntry> entries = audit.search(AuditQuery.ALL, new PageRequest(0, 10)).items();
    assertThat(entries).extracting(AuditEntry::action).containsExactly("signin.failed");
    assertThat(entries.getFirst().actor()).isEqualTo(AuditActor.anonymous("x@example.com"));
  }

  @Test
  void shouldFilterByActionPrefixActorTextAndTime() {
    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
        "lena@example.com", null, AuthorityUtils.createAuthorityList("ROLE_LEAD")));
    audit.record(AuditRecord.of("staff.agent.invited", "agent", "a1", "Invited Bo 100% of the time"));
    audit.record(AuditRecord.of("staff.team.created", "team", "t1", "Created team Billing"));
    audit.record(AuditRecord.of("routing.rule.created", "rule", "r1", "Rule for invoices@"));
    audit.record(AuditRecord.of("staff_x", "rule", "r2", "underscore is not a wildcard"));

    assertThat(actions(new AuditQuery("staff.", null, null, null, null, null)))
        .containsExactlyInAnyOrder("staff.agent.invited", "staff.team.created");
    assertThat(actions(new AuditQuery("staff.team.created", null, null, null, null, null)))
        .containsExactly("staff.team.created");
    assertThat(actions(new AuditQuery(null, "LENA", null, null, null, null))).hasSize(4);
    assertThat(actions(new AuditQuery(null, "bo", null, null, null, null))).isEmpty();
    assertThat(actions(new AuditQuery(null, null, null, "100%", null, null))).containsExactly("staff.agent.invited");
    assertThat(actions(new AuditQuery(null, null, "r1", null, null, null))).containsExactly("routing.rule.created");
    Instant now = Instant.now();
    assertThat(actions(new AuditQuery(null, null, null, null, now.plusSeconds(60), null))).isEmpty();
    assertThat(actions(new AuditQuery(null, null, null, null, now.minusSeconds(60), now.plusSeconds(60))))
        .hasSize(4);

    List<String> exported = new ArrayList<>();
    audit.each(new AuditQuery("staff.", null, null, null, null, null), e -> exported.add(e.action()));
    assertThat(exported).containsExactly("staff.agent.invited", "staff.team.created");
  }

  @Test
  void shouldDeleteOnlyEntriesPastRetention() {
    for (int i = 0; i < AuditRetention.BATCH + 5; i++) {
      audit.record(AuditRecord.of("test.entry", "n", i, "entry " + i));
    }
    assertThat(retention.pruneExpired()).isZero();
    assertThat(retention.pruneOlderThan(Instant.now().minus(Duration.ofHours(1)))).isZero();

    assertThat(retention.pruneOlderThan(Instant.now().plusSeconds(5))).isEqualTo(AuditRetention.BATCH + 5);
    assertThat(audit.search(AuditQuery.ALL, new PageRequest(0, 10)).total()).isZero();
  }

  private List<String> actions(AuditQuery query) {
    return audit.search(query, new PageRequest(0, 100)).items().stream().map(AuditEntry::action).toList();
  }
}
