package dev.tact.replytemplates.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityParser;
import dev.tact.intake.MessageIntake;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.testsupport.JsonApi;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reply templates, macros and the tone check over real HTTP with API tokens (the agent UI's context, so no new
 * Spring context): a template filled from the record, missing fields named, Problem Details for bad input with
 * nothing stored, a macro's actions applied.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.admin-password=browser-test-pass-1",
    "spring.datasource.url=jdbc:h2:mem:ui;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class ReplyTemplatesApiIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  MessageIntake intake;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  JsonApi lead;
  JsonApi agent;

  @BeforeEach
  void tokens() {
    lead = new JsonApi(port, tokens.issue("care-lead-" + UUID.randomUUID(), Role.LEAD, null).secret());
    agent = new JsonApi(port, tokens.issue("care-agent-" + UUID.randomUUID(), Role.AGENT, null).secret());
  }

  @Test
  void aSharedTemplateIsFilledFromTheRecordAndAMissingFieldIsNamed() {
    long number = ReplyCareFixture.siobhansConversation(intake, jdbc, contacts, identities, null);
    String name = "Refund " + UUID.randomUUID();
    JsonApi.Answer created = lead.post("/api/v1/reply-templates", Map.of("name", name, "body",
        "Dear {{contact.given_name}} {{contact.family_name}}, a customer for {{customer.tenure}} on "
            + "{{customer.plan}}: order {{facts.order}} is refunded. {{agent.name}}"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.body().get("id").asString();

    JsonApi.Answer preview = agent.get("/api/v1/conversations/" + number + "/reply-templates/" + id + "/preview");

    assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
    assertThat(preview.body().get("text").asString()).startsWith("Dear Siobhán Ó Súilleabháin, a customer for ")
        .contains("years on {{customer.plan}}: order 12345 is refunded.");
    assertThat(preview.body().get("missing").get(0).asString()).isEqualTo("customer.plan");
    assertThat(agent.get("/api/v1/reply-templates").raw()).contains(name);
  }

  @Test
  void badTemplatesAnswerProblemDetailsAndNothingIsStored() {
    String name = "Bad " + UUID.randomUUID();
    JsonApi.Answer unknown = lead.post("/api/v1/reply-templates", Map.of("name", name, "body",
        "Dear {{contact.surname}}"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body().get("detail").asString()).contains("{{contact.surname}}")
        .contains("contact.family_name");

    JsonApi.Answer badStatus = lead.post("/api/v1/reply-templates", Map.of("name", name, "body", "Hi",
        "setStatus", "finished"));
    assertThat(badStatus.status()).isEqualTo(422);

    JsonApi.Answer notLead = agent.post("/api/v1/reply-templates", Map.of("name", name, "body", "Hi"));
    assertThat(notLead.status()).isEqualTo(403);

    assertThat(jdbc.sql("SELECT COUNT(*) FROM reply_template WHERE name = :n").param("n", name).query(Long.class)
        .single()).isZero();

    assertThat(lead.post("/api/v1/reply-templates", Map.of("name", name, "body", "Hi")).status()).isEqualTo(201);
    JsonApi.Answer taken = lead.post("/api/v1/reply-templates", Map.of("name", name.toUpperCase(), "body", "Hi"));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM reply_template WHERE name_key = :n").param("n", name.toLowerCase())
        .query(Long.class).single()).isOne();
  }

  @Test
  void aMacroSetsStatusAndTags() {
    long number = ReplyCareFixture.siobhansConversation(intake, jdbc, contacts, identities, "Business");
    JsonApi.Answer created = lead.post("/api/v1/reply-templates", Map.of("name", "Waiting " + UUID.randomUUID(),
        "body", "We wait for your photos, {{contact.given_name}}.", "setStatus", "pending",
        "addTags", List.of("refund", "Photos needed")));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    assertThat(created.body().get("macro").asBoolean()).isTrue();

    JsonApi.Answer applied = agent.post("/api/v1/conversations/" + number + "/reply-templates/"
        + created.body().get("id").asString() + "/apply", Map.of());

    assertThat(applied.status()).as(applied.raw()).isEqualTo(200);
    assertThat(applied.body().get("status").asString()).isEqualTo("pending");
    assertThat(applied.raw()).contains("refund");
    assertThat(jdbc.sql("""
        SELECT COUNT(*) FROM conv_event h JOIN conv_conversation c ON c.id = h.conversation_id
         WHERE c.number = :n AND h.kind = 'TAGGED' AND h.actor_name LIKE 'integration care-agent-%'""").param("n", number).query(Long.class).single())
        .isEqualTo(2);
  }

  @Test
  void theToneCheckAnswersFindingsAndRefusesAHugeText() {
    JsonApi.Answer answer = agent.post("/api/v1/tone/check", Map.of("text", "As I already said, this is not my "
        + "problem."));

    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    assertThat(answer.body().get("flagged").asBoolean()).isTrue();
    assertThat(answer.body().get("findings").get(0).get("kind").asString()).isEqualTo("DISMISSIVE");
    assertThat(answer.body().get("findings").get(0).get("suggestion").asString()).isNotBlank();

    JsonApi.Answer huge = agent.post("/api/v1/tone/check", Map.of("text", "a".repeat(20_001)));
    assertThat(huge.status()).isEqualTo(422);
    assertThat(huge.body().get("detail").asString()).contains("20000");
  }
}
