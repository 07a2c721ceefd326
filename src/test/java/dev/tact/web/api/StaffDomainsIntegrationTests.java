package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Staff domains out of the box: a forward from the domain of a configured mailbox, or of an agent's address, makes
 * the original sender the requester without any tact.mail.staff-domains entry for it; an agent writing from gmail
 * never makes a gmail customer staff. Over HTTP, through the real intake (the properties of {@link
 * MailPipelineIntegrationTests}, so the context is shared; every domain here is unique to its test).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:mail-pipeline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.mail.staff-domains=acme.example", "tact.mail.max-automatic-per-hour=3",
    "tact.conversation.message-id-domain=tact.test", "tact.intake.max-mail-bytes=2000000",
    "tact.mail.authentication.trusted-authserv-ids=mx.tact.test"})
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class StaffDomainsIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  ApiClient admin;

  @BeforeEach
  void adminToken() {
    admin = new ApiClient(port, tokens.issue("staff-domain-tests", Role.ADMIN, null).secret());
  }

  @Test
  void shouldTakeAForwardFromTheDomainOfAConfiguredMailboxAsAStaffForward() {
    String company = unique("newco") + ".example";
    String vendor = unique("vera") + "@vendor.example";
    assertThat(forwardOf("pat@" + company, vendor).contact().toString())
        .as("before the mailbox exists, pat is a customer").contains("pat@" + company);

    ApiClient.Response mailbox = admin.post("/api/v1/admin/mailboxes", "{\"name\":\"Help\",\"address\":\"help@"
        + company + "\"}");
    assertThat(mailbox.status()).as(mailbox.raw()).isEqualTo(201);

    Forwarded forwarded = forwardOf("pat@" + company, vendor);
    assertThat(forwarded.contact().toString()).contains(vendor).doesNotContain("pat@" + company);
    assertThat(forwarded.mail().path("forwardedBy").asString()).contains("pat@" + company);
    assertThat(admin.get("/api/v1/admin/mail/staff-domains").body().path("staffDomains").toString())
        .contains(company).contains("mailbox help@" + company);
  }

  @Test
  void shouldTakeAForwardFromTheDomainOfAnAgentsAddressAsAStaffForwardUntilTheInvitationIsWithdrawn() {
    String agency = unique("agency") + ".example";
    ApiClient.Response invited = admin.post("/api/v1/admin/staff/agents", "{\"email\":\"kim@" + agency
        + "\",\"displayName\":\"Kim Contractor\"}");
    assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
    String vendor = unique("vic") + "@vendor.example";

    Forwarded forwarded = forwardOf("kim@" + agency, vendor);
    assertThat(forwarded.contact().toString()).contains(vendor).doesNotContain("kim@" + agency);

    String agentId = invited.body().path("member").path("agent").path("id").asString();
    assertThat(admin.delete("/api/v1/admin/staff/agents/" + agentId + "/invitation").status()).isEqualTo(204);
    Forwarded afterwards = forwardOf("lou@" + agency, unique("val") + "@vendor.example");
    assertThat(afterwards.contact().toString()).as("the domain left with the agent").contains("lou@" + agency);
  }

  @Test
  void shouldNeverTakeAGmailCustomersForwardAsStaffBecauseAnAgentUsesGmail() {
    String agentAddress = unique("ian") + "@gmail.com";
    ApiClient.Response invited = admin.post("/api/v1/admin/staff/agents", "{\"email\":\"" + agentAddress
        + "\",\"displayName\":\"Ian Gmail\"}");
    assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
    String customer = unique("cleo") + "@gmail.com";
    String vendor = unique("vince") + "@vendor.example";

    Forwarded forwarded = forwardOf(customer, vendor);

    assertThat(forwarded.contact().toString()).as("the gmail customer stays the requester").contains(customer)
        .doesNotContain(vendor);
    assertThat(forwarded.mail().path("forwardedBy").isNull()
        || forwarded.mail().path("forwardedBy").isMissingNode()).as(forwarded.toString()).isTrue();
    JsonNode domains = admin.get("/api/v1/admin/mail/staff-domains").body();
    assertThat(domains.path("staffDomains").toString()).doesNotContain("gmail.com");
    assertThat(domains.path("publicProvidersLeftOut").toString()).contains("gmail.com");
  }

  /** Delivers a mail from {@code from} forwarding one of {@code original}; answers its contact and mail. */
  private Forwarded forwardOf(String from, String original) {
    String mime = """
        From: Forwarder <%s>
        To: support@acme.example
        Subject: Fwd: Reseller offer
        Message-ID: <%s>
        Content-Type: text/plain; charset=UTF-8

        Is this one for us?

        ---------- Forwarded message ---------
        From: Original Sender <%s>
        Date: Mon, 16 Nov 2026 at 09:12
        Subject: Reseller offer
        To: <ceo@example.org>

        Dear team, we would love to resell your product in Europe, %s.
        """.formatted(from, unique("fwd") + "@tact.test", original, UUID.randomUUID());
    byte[] bytes = mime.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    ApiClient.Response response = admin.postBytes("/api/v1/mail", bytes, "message/rfc822");
    assertThat(response.status()).as(response.raw()).isEqualTo(202);
    JsonNode item = admin.awaitProcessed(response.body());
    assertThat(item.path("state").asString()).as(item.toString()).isEqualTo("done");
    JsonNode contact = admin.get("/api/v1/contacts/" + item.path("contactId").asString()).body().path("contact");
    JsonNode conversation = admin.get("/api/v1/conversations/" + item.path("conversationId").asString()).body();
    JsonNode mail = admin.get("/api/v1/mail/messages/" + conversation.path("messages").get(0).path("id").asString())
        .body();
    return new Forwarded(contact, mail);
  }

  /** The requester's contact and the first message's mail details. */
  private record Forwarded(JsonNode contact, JsonNode mail) {}

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
