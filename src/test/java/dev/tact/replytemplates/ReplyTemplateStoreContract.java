package dev.tact.replytemplates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.conversation.Status;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reply_template table through its store, on a database migrated by Flyway (H2 and PostgreSQL subclasses). */
abstract class ReplyTemplateStoreContract {

  private ReplyTemplateStore store;
  private final Instant now = Instant.parse("2026-12-06T10:00:00Z");

  abstract DataSource dataSource();

  @BeforeEach
  void migrate() {
    DataSource ds = dataSource();
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    store = new ReplyTemplateStore(JdbcClient.create(ds));
  }

  @Test
  void keepsATemplateAsWrittenAndShowsAnAgentTheSharedOnesAndTheirOwn() {
    UUID me = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    String tag = "t" + UUID.randomUUID().toString().substring(0, 6);
    ReplyTemplate shared = template(null, "Zz shared " + UUID.randomUUID(), Status.PENDING, List.of("refund", tag));
    ReplyTemplate mine = template(me, "Aa mine", null, List.of());
    store.insert(shared);
    store.insert(mine);
    store.insert(template(other, "Aa theirs", null, List.of()));

    assertThat(store.find(shared.id())).contains(shared);
    List<ReplyTemplate> visible = store.visibleTo(me);
    assertThat(visible).contains(shared, mine).noneMatch(t -> other.equals(t.ownerId()));
    assertThat(visible.indexOf(shared)).as("shared ones first").isLessThan(visible.indexOf(mine));
    assertThat(store.visibleTo(null)).contains(shared).noneMatch(t -> t.ownerId() != null);
  }

  @Test
  void oneNamePerOwnerWhateverTheCase() {
    UUID me = UUID.randomUUID();
    String name = "Ó Súilleabháin thanks " + UUID.randomUUID();
    ReplyTemplate first = template(me, name, null, List.of());
    store.insert(first);

    assertThat(store.nameTaken(me, name.toUpperCase(), null)).isTrue();
    assertThat(store.nameTaken(me, name, first.id())).as("its own name").isFalse();
    assertThat(store.nameTaken(null, name, null)).as("shared ones are another owner").isFalse();
    assertThatThrownBy(() -> store.insert(template(me, name.toLowerCase(), null, List.of())))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void updatesAndDeletes() {
    ReplyTemplate t = template(UUID.randomUUID(), "Before " + UUID.randomUUID(), null, List.of());
    store.insert(t);
    ReplyTemplate changed = new ReplyTemplate(t.id(), null, "After " + UUID.randomUUID(), "New {{agent.name}}",
        Status.SOLVED, List.of("done"), null, t.createdAt(), now.plus(1, ChronoUnit.HOURS));
    store.update(changed);

    assertThat(store.find(t.id())).contains(changed);
    assertThat(store.delete(t.id())).isTrue();
    assertThat(store.find(t.id())).isEmpty();
    assertThat(store.delete(t.id())).isFalse();
  }

  private ReplyTemplate template(UUID owner, String name, Status status, List<String> tags) {
    return new ReplyTemplate(UUID.randomUUID(), owner, name, "Dear {{contact.given_name}},\n\nthanks.", status, tags,
        null, now, now);
  }
}
