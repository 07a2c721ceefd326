package dev.tact.webform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.tact.conversation.GivenField;
import dev.tact.mail.MailArchive;
import dev.tact.mail.StoredAttachment;
import dev.tact.routing.ConversationFacts;
import dev.tact.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A web form over HTTP against the whole application (H2 and PostgreSQL): a sent form becomes a conversation on the
 * web channel with its extra fields among the facts and its attachment beside the message, and a confirmation is
 * queued; refused forms store nothing; past the rate limit, 429 with Retry-After. Time to submit is moved by a test
 * clock; the proof of work is 4 bits.
 */
abstract class WebFormContract {

  static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return CLOCK;
    }
  }

  @Autowired
  MockMvc mvc;

  @Autowired
  WebForms forms;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ConversationFacts facts;

  @Autowired
  MailArchive archive;

  @Autowired
  dev.tact.staff.ApiTokens tokens;

  @Autowired
  dev.tact.staff.StaffDirectory staff;

  record Ticket(String token, String challenge, int bits) {

    String nonce() {
      return TicketCodec.solve(challenge, bits);
    }
  }

  @Test
  void shouldFileASentFormAsAWebConversationWithItsFieldsAttachmentAndConfirmation() throws Exception {
    UUID team = staff.createTeam("Returns desk " + UUID.randomUUID().toString().substring(0, 6)).id();
    String slug = returnsForm(1024, team);
    Ticket ticket = ticket(slug);
    CLOCK.advance(Duration.ofSeconds(3));
    byte[] receipt = "%PDF-1.4 receipt of order A-1042".getBytes(StandardCharsets.US_ASCII);
    String email = "ana-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";

    MvcResult sent = mvc.perform(from(nextAddress(), multipart("/forms/" + slug)
            .file(new MockMultipartFile("files", "receipt.pdf", "application/pdf", receipt))
            .param("name", "Ana Souza").param("email", email).param("phone", "+1 212 555 0142")
            .param("subject", "Wrong size").param("message", "The shoes I got are a size too small.")
            .param("field_order_number", "A-1042").param("ticket", ticket.token()).param("nonce", ticket.nonce())
            .param("website", "").accept(MediaType.APPLICATION_JSON)))
        .andReturn();

    assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(202);
    JsonNode body = JSON.readTree(sent.getResponse().getContentAsString());
    assertThat(body.path("status").asString()).isEqualTo("received");
    assertThat(body.path("confirmationByEmail").asBoolean()).isTrue();
    UUID messageId = UUID.fromString(body.path("messageId").asString());
    UUID conversation = filedConversation(messageId);

    assertThat(jdbc.sql("SELECT channel FROM conv_conversation WHERE id = :id").param("id", conversation)
        .query(String.class).single()).isEqualTo("WEB");
    assertThat(jdbc.sql("SELECT team_id FROM conv_conversation WHERE id = :id").param("id", conversation)
        .query(UUID.class).single()).as("the form's team").isEqualTo(team);
    ConversationFacts.Facts known = facts.of(conversation);
    assertThat(known.given()).containsExactly(new GivenField("Phone", "+12125550142"),
        new GivenField("Order number", "A-1042"));
    assertThat(known.channels()).containsExactly("web");
    List<StoredAttachment> files = archive.uploads(List.of(messageId)).get(messageId);
    assertThat(files).singleElement().satisfies(f -> {
      assertThat(f.filename()).isEqualTo("receipt.pdf");
      assertThat(f.contentType()).isEqualTo("application/pdf");
      assertThat(archive.attachment(messageId, f.id()).orElseThrow().content()).isEqualTo(receipt);
    });
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
        SELECT recipient, subject, purpose FROM delivery_outbox WHERE idempotency_key = :key""")
        .param("key", "webform-confirmation:" + messageId).query().listOfRows()).singleElement()
        .satisfies(row -> {
          assertThat(row.get("recipient")).isEqualTo(email);
          assertThat((String) row.get("subject")).startsWith("We received your message: Wrong size [#");
          assertThat(row.get("purpose")).isEqualTo("TRANSACTIONAL");
        }));
  }

  @Test
  void shouldAcceptAPostAsJsonAndTheSameTicketOnlyOnce() throws Exception {
    Ticket ticket = ticket("contact");
    CLOCK.advance(Duration.ofSeconds(3));
    String json = JSON.writeValueAsString(Map.of("name", "Bo", "phone", "+44 20 7946 0958", "message",
        "Please call me back about my order.", "ticket", ticket.token(), "nonce", ticket.nonce()));

    MvcResult first = mvc.perform(from(nextAddress(), post("/forms/contact").contentType(MediaType.APPLICATION_JSON)
        .content(json).accept(MediaType.APPLICATION_JSON))).andReturn();
    assertThat(first.getResponse().getStatus()).as(first.getResponse().getContentAsString()).isEqualTo(202);
    JsonNode body = JSON.readTree(first.getResponse().getContentAsString());
    assertThat(body.path("confirmationByEmail").asBoolean()).isFalse();
    filedConversation(UUID.fromString(body.path("messageId").asString()));
    long items = count("intake_item");

    MvcResult again = mvc.perform(from(nextAddress(), post("/forms/contact").contentType(MediaType.APPLICATION_JSON)
        .content(json).accept(MediaType.APPLICATION_JSON))).andReturn();

    assertThat(again.getResponse().getStatus()).isEqualTo(409);
    assertThat(JSON.readTree(again.getResponse().getContentAsString()).path("code").asString())
        .isEqualTo("form-already-sent");
    assertThat(count("intake_item")).isEqualTo(items);
  }

  @Test
  void shouldStoreNothingForARefusedForm() throws Exception {
    String slug = returnsForm(16);
    long items = count("intake_item");
    long tickets = count("webform_used_ticket");
    long messages = count("conv_message");

    Ticket early = ticket(slug);
    assertRefused(slug, early, Map.of("email", "a@b.example", "message", "hi", "field_order_number", "1"), null, 422,
        "sent-too-fast");
    CLOCK.advance(Duration.ofSeconds(3));
    Ticket ticket = ticket(slug);
    CLOCK.advance(Duration.ofSeconds(3));
    assertRefused(slug, ticket, Map.of("email", "a@b.example", "message", "hi", "field_order_number", "1",
        "website", "https://cheap.example"), null, 422, "looks-automated");
    assertRefused(slug, ticket, Map.of("email", "a@b.example", "message", "hi"), null, 422, "missing-field");
    assertRefused(slug, ticket, Map.of("message", "hi", "field_order_number", "1"), null, 422, "missing-address");
    assertRefused(slug, ticket, Map.of("email", "not an address", "message", "hi", "field_order_number", "1"), null,
        422, "invalid-address");
    assertRefused(slug, ticket, Map.of("email", "a@b.example", "message", "hi", "field_order_number", "1"),
        new MockMultipartFile("files", "big.bin", "application/octet-stream", new byte[17]), 413, "file-too-large");
    assertRefused(slug, new Ticket(ticket.token().replace('.' + slug + '.', ".contact."), ticket.challenge(),
        ticket.bits()), Map.of("email", "a@b.example", "message", "hi", "field_order_number", "1"), null, 422,
        "invalid-ticket");
    Ticket otherForm = ticket("contact");
    CLOCK.advance(Duration.ofSeconds(3));
    assertRefused(slug, otherForm, Map.of("email", "a@b.example", "message", "hi", "field_order_number", "1"), null,
        422, "invalid-ticket");

    assertThat(count("intake_item")).isEqualTo(items);
    assertThat(count("webform_used_ticket")).isEqualTo(tickets);
    assertThat(count("conv_message")).isEqualTo(messages);

    // the same ticket, now sent as it should be, still works: refusals did not use it up
    MvcResult fine = mvc.perform(from(nextAddress(), multipart("/forms/" + slug).param("email", "a@b.example")
        .param("message", "hi").param("field_order_number", "1").param("ticket", ticket.token())
        .param("nonce", ticket.nonce()).accept(MediaType.APPLICATION_JSON))).andReturn();
    assertThat(fine.getResponse().getStatus()).as(fine.getResponse().getContentAsString()).isEqualTo(202);
  }

  @Test
  void shouldShowARefusedFormAgainWithWhatWasWrittenAndAReadableReason() throws Exception {
    Ticket ticket = ticket("contact");
    CLOCK.advance(Duration.ofSeconds(3));

    MvcResult page = mvc.perform(from(nextAddress(), multipart("/forms/contact").param("name", "Cleo")
        .param("message", "My parcel never came.").param("ticket", ticket.token()).param("nonce", ticket.nonce())
        .accept(MediaType.TEXT_HTML))).andReturn();

    assertThat(page.getResponse().getStatus()).isEqualTo(422);
    String html = page.getResponse().getContentAsString();
    assertThat(html).contains("Give an email address or a phone number").contains("My parcel never came.")
        .contains("value=\"Cleo\"");
    assertThat(page.getResponse().getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
  }

  @Test
  void shouldLetOnlyTheFormsOwnOriginsFrameTheEmbeddablePage() throws Exception {
    forms.update("contact", new WebFormRequest(null, "Contact us", null, List.of(), null, null,
        List.of("https://shop.example"), null, true));
    try {
      MvcResult embed = mvc.perform(from(nextAddress(), get("/forms/contact/embed"))).andReturn();
      MvcResult page = mvc.perform(from(nextAddress(), get("/forms/contact"))).andReturn();

      assertThat(embed.getResponse().getStatus()).isEqualTo(200);
      assertThat(embed.getResponse().getHeader("Content-Security-Policy"))
          .contains("frame-ancestors https://shop.example");
      assertThat(embed.getResponse().getHeader("X-Frame-Options")).isNull();
      assertThat(page.getResponse().getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
      assertThat(page.getResponse().getContentAsString()).contains("data-challenge=").contains("name=\"website\"");
    } finally {
      forms.update("contact", new WebFormRequest(null, "Contact us", null, List.of(), null, null, List.of(), null, true));
    }
  }

  @Test
  void shouldAnswer429WithRetryAfterPastTheAddressLimit() throws Exception {
    String address = nextAddress();
    int refusedBefore429 = 0;
    MvcResult answer = null;
    for (int i = 0; i < 20; i++) {
      answer = mvc.perform(from(address, post("/forms/contact").contentType(MediaType.APPLICATION_JSON)
          .content("{}").accept(MediaType.APPLICATION_JSON))).andReturn();
      if (answer.getResponse().getStatus() == 429) {
        break;
      }
      refusedBefore429++;
    }
    assertThat(answer.getResponse().getStatus()).isEqualTo(429);
    assertThat(refusedBefore429).isEqualTo(3); // the burst the test configures
    assertThat(Long.parseLong(answer.getResponse().getHeader("Retry-After"))).isPositive();
    assertThat(answer.getResponse().getContentType()).startsWith("application/problem+json");
    assertThat(JSON.readTree(answer.getResponse().getContentAsString()).path("code").asString())
        .isEqualTo("rate-limited");

    MvcResult page = mvc.perform(from(address, multipart("/forms/contact").param("message", "x")
        .accept(MediaType.TEXT_HTML))).andReturn();
    assertThat(page.getResponse().getStatus()).isEqualTo(429);
    assertThat(page.getResponse().getHeader("Retry-After")).isNotNull();
    assertThat(page.getResponse().getContentAsString()).contains("Please wait a moment").contains("not sent");

    MvcResult otherAddress = mvc.perform(from(nextAddress(), post("/forms/contact")
        .contentType(MediaType.APPLICATION_JSON).content("{}").accept(MediaType.APPLICATION_JSON))).andReturn();
    assertThat(otherAddress.getResponse().getStatus()).as("another address has its own limit").isEqualTo(422);
  }

  @Test
  void shouldLetAnAdminManageFormsThroughTheApi() throws Exception {
    String token = "Bearer " + tokens.issue("webform-tests", dev.tact.staff.Role.ADMIN, null).secret();
    String slug = "warranty-" + UUID.randomUUID().toString().substring(0, 8);

    MvcResult list = mvc.perform(get("/api/v1/admin/forms").header("Authorization", token)).andReturn();
    assertThat(JSON.readTree(list.getResponse().getContentAsString()).valueStream()
        .map(f -> f.path("slug").asString())).contains("contact");

    MvcResult bad = mvc.perform(post("/api/v1/admin/forms").header("Authorization", token)
        .contentType(MediaType.APPLICATION_JSON).content("""
            {"slug":"%s","title":"Warranty","frameAncestors":["https://shop.example/path"]}""".formatted(slug)))
        .andReturn();
    assertThat(bad.getResponse().getStatus()).isEqualTo(422);
    assertThat(JSON.readTree(bad.getResponse().getContentAsString()).path("code").asString())
        .isEqualTo("invalid-origin");
    assertThat(forms.find(slug)).isEmpty();

    String good = """
        {"slug":"%s","title":"Warranty","fields":[{"label":"Serial number","required":true,"maxLength":30}],
         "maxFileBytes":0,"frameAncestors":["https://Shop.example:8443"]}""".formatted(slug);
    MvcResult created = mvc.perform(post("/api/v1/admin/forms").header("Authorization", token)
        .contentType(MediaType.APPLICATION_JSON).content(good)).andReturn();
    assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
    JsonNode form = JSON.readTree(created.getResponse().getContentAsString());
    assertThat(form.path("fields").get(0).path("key").asString()).isEqualTo("serial_number");
    assertThat(form.path("frameAncestors").get(0).asString()).isEqualTo("https://shop.example:8443");

    MvcResult again = mvc.perform(post("/api/v1/admin/forms").header("Authorization", token)
        .contentType(MediaType.APPLICATION_JSON).content(good)).andReturn();
    assertThat(again.getResponse().getStatus()).isEqualTo(409);

    MvcResult deleted = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
        .delete("/api/v1/admin/forms/" + slug).header("Authorization", token)).andReturn();
    assertThat(deleted.getResponse().getStatus()).isEqualTo(204);
    assertThat(mvc.perform(from(nextAddress(), get("/forms/" + slug))).andReturn().getResponse().getStatus())
        .isEqualTo(404);
  }

  private void assertRefused(String slug, Ticket ticket, Map<String, String> fields, MockMultipartFile file,
      int status, String code) throws Exception {
    var request = multipart("/forms/" + slug);
    if (file != null) {
      request.file(file);
    }
    fields.forEach(request::param);
    request.param("ticket", ticket.token()).param("nonce", ticket.nonce()).accept(MediaType.APPLICATION_JSON);
    MvcResult result = mvc.perform(from(nextAddress(), request)).andReturn();
    assertThat(result.getResponse().getStatus()).as(code + ": " + result.getResponse().getContentAsString())
        .isEqualTo(status);
    JsonNode problem = JSON.readTree(result.getResponse().getContentAsString());
    assertThat(problem.path("code").asString()).isEqualTo(code);
    assertThat(problem.path("detail").asString()).isNotBlank();
  }

  private String returnsForm(long maxFileBytes) {
    return returnsForm(maxFileBytes, null);
  }

  private String returnsForm(long maxFileBytes, UUID team) {
    String slug = "returns-" + UUID.randomUUID().toString().substring(0, 8);
    forms.create(new WebFormRequest(slug, "Returns", "Tell us what to send back.",
        List.of(new FormField(null, "Order number", true, 40)), maxFileBytes, 2, List.of(), team, true));
    return slug;
  }

  private Ticket ticket(String slug) throws Exception {
    MvcResult result = mvc.perform(from(nextAddress(), get("/forms/" + slug + "/challenge")
        .accept(MediaType.APPLICATION_JSON))).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
    JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
    return new Ticket(body.path("ticket").asString(), body.path("challenge").asString(), body.path("bits").asInt());
  }

  private UUID filedConversation(UUID messageId) {
    await().atMost(Duration.ofSeconds(20)).until(() -> count("conv_message WHERE id = '" + messageId + "'") == 1);
    return jdbc.sql("SELECT conversation_id FROM conv_message WHERE id = :id").param("id", messageId)
        .query(UUID.class).single();
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private static String nextAddress() {
    return "10.16.0." + ADDRESSES.getAndIncrement();
  }

  private static <T extends AbstractMockHttpServletRequestBuilder<?>> T from(String address, T request) {
    request.with(r -> {
      r.setRemoteAddr(address);
      return r;
    });
    return request;
  }
}
