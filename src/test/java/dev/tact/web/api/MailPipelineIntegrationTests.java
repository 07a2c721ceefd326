package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Email through the real intake: raw MIME posted over HTTP, committed to the inbound log, read
 * by the pipeline, filed into conversations. What an agent then sees is checked over the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:mail-pipeline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.mail.staff-domains=acme.example", "tact.mail.max-automatic-per-hour=3",
    "tact.conversation.message-id-domain=tact.test", "tact.intake.max-mail-bytes=2000000",
    "tact.mail.authentication.trusted-authserv-ids=mx.tact.test"})
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class MailPipelineIntegrationTests {

  @Autowired
  org.springframework.test.web.servlet.MockMvc mvc;

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  JdbcClient jdbc;

  ApiClient admin;

  @BeforeEach
  void adminToken() {
    admin = new ApiClient(port, tokens.issue("mail-tests", Role.ADMIN, null).secret());
  }

  @Test
  void shouldFileTheNewTextOfAnEmailAndKeepTheWholeText() {
    String id = unique("first") + "@customer.example";
    JsonNode item = deliver("""
        From: =?UTF-8?Q?Zo=C3=AB_=C5=81ukasiewicz?= <zoe@customer.example>
        To: support@acme.example
        Subject: Printer offline
        Message-ID: <%s>
        Date: Mon, 23 Nov 2026 10:00:00 +0100
        Content-Type: text/plain; charset=UTF-8

        The printer is offline again.

        On Fri, 20 Nov 2026 at 10:00, Support <support@acme.example> wrote:
        > Did you restart it?
        """.formatted(id));

    assertThat(item.path("state").asString()).isEqualTo("done");
    JsonNode conversation = conversation(item);
    assertThat(conversation.path("conversation").path("subject").asString()).isEqualTo("Printer offline");
    assertThat(conversation.path("conversation").path("channel").asString()).isEqualTo("EMAIL");
    JsonNode message = conversation.path("messages").get(0);
    assertThat(message.path("body").asString()).contains("The printer is offline again.").doesNotContain("restart");
    assertThat(message.path("fullBody").asString()).contains("Did you restart it?");
    assertThat(message.path("externalId").asString()).isEqualTo(id);
    assertThat(message.path("authorName").asString()).isEqualTo("Zoë Łukasiewicz");
    JsonNode contact = admin.get("/api/v1/contacts/" + item.path("contactId").asString()).body().path("contact");
    assertThat(contact.toString()).contains("zoe@customer.example");
  }

  @Test
  void shouldThreadTheCustomersAnswerToTactsReplyByItsMessageId() {
    String first = unique("ask") + "@customer.example";
    JsonNode item = deliver(plain("max@customer.example", first, "Invoice question", "Why was I charged twice?", ""));
    String conversationId = item.path("conversationId").asString();
    JsonNode reply = admin.post("/api/v1/conversations/" + conversationId + "/replies",
        "{\"text\":\"We refunded the second charge.\"}").body();
    String replyId = reply.path("externalId").asString();
    assertThat(replyId).endsWith("@tact.test");

    JsonNode answer = deliver(plain("max@customer.example", unique("answer") + "@customer.example",
        "Re: Invoice question", "Thanks, got it.",
        "In-Reply-To: <" + replyId + ">\nReferences: <" + first + "> <" + replyId + ">\n"));

    assertThat(answer.path("conversationId").asString()).isEqualTo(conversationId);
    assertThat(conversation(answer).path("messages")).hasSize(3);
  }

  @Test
  void shouldThreadByTheSubjectTokenWhenThreadingHeadersAreMissing() {
    JsonNode item = deliver(plain("ida@customer.example", unique("t") + "@customer.example", "Login fails",
        "I cannot log in.", ""));
    long number = conversation(item).path("conversation").path("number").asLong();

    JsonNode later = deliver(plain("ida@customer.example", unique("t2") + "@customer.example",
        "Re: Login fails [#" + number + "]", "Still failing today.", ""));

    assertThat(later.path("conversationId").asString()).isEqualTo(item.path("conversationId").asString());
  }

  @Test
  void shouldOpenALinkedConversationWhenAStrangerWritesAnotherConversationsToken() throws Exception {
    JsonNode item = deliver(plain("ida@customer.example", unique("t") + "@customer.example", "Refund for order 77",
        "Please refund order 77.", ""));
    String conversationId = item.path("conversationId").asString();
    long number = conversation(item).path("conversation").path("number").asLong();

    JsonNode stranger = deliver(plain(unique("mallory") + "@elsewhere.example", unique("s") + "@elsewhere.example",
        "Re: Refund for order 77 [#" + number + "]", "Please send the refund to my account instead.", ""));

    assertThat(stranger.path("state").asString()).isEqualTo("done");
    assertThat(stranger.path("conversationId").asString()).isNotEqualTo(conversationId);
    assertThat(conversation(item).path("messages")).hasSize(1);
    JsonNode opened = conversation(stranger);
    long strangerNumber = opened.path("conversation").path("number").asLong();
    assertThat(opened.path("links")).hasSize(1);
    assertThat(opened.path("links").get(0).path("kind").asString()).isEqualTo("mentions");
    assertThat(opened.path("links").get(0).path("number").asLong()).isEqualTo(number);
    assertThat(opened.path("history").toString()).contains("mentions #" + number);
    JsonNode mentioned = conversation(item);
    assertThat(mentioned.path("links").get(0).path("kind").asString()).isEqualTo("mentioned-by");
    assertThat(mentioned.path("links").get(0).path("number").asLong()).isEqualTo(strangerNumber);
    assertThat(mentioned.path("history").toString()).contains("#" + strangerNumber);
    assertThat(page("/conversations/" + strangerNumber)).contains("data-link-kind=\"mentions\"")
        .contains("href=\"/conversations/" + number + "\"");
    assertThat(page("/conversations/" + number)).contains("data-link-kind=\"mentioned-by\"")
        .contains("href=\"/conversations/" + strangerNumber + "\"");
  }

  @Test
  void shouldLetTheRequesterJoinByTheTokenAlsoFromAnotherOfTheirAddresses() {
    String home = unique("ana") + "@home.example";
    String work = unique("ana") + "@work.example";
    JsonNode item = deliver(plain(home, unique("h") + "@home.example", "Invoice address", "Please change it.", ""));
    long number = conversation(item).path("conversation").path("number").asLong();
    JsonNode other = deliver(plain(work, unique("w") + "@work.example", "Hello", "A first mail from work.", ""));
    ApiClient.Response merged = admin.post("/api/v1/contacts/" + item.path("contactId").asString() + "/merge",
        admin.json(java.util.Map.of("mergeContactId", other.path("contactId").asString())));
    assertThat(merged.status()).as(merged.raw()).isEqualTo(200);

    JsonNode later = deliver(plain(work, unique("w2") + "@work.example", "Re: Invoice address [#" + number + "]",
        "Here is the new address.", ""));

    assertThat(later.path("conversationId").asString()).isEqualTo(item.path("conversationId").asString());
    assertThat(conversation(later).path("links")).isEmpty();
  }

  @Test
  void shouldSendAnOptOutFromMailThatFailsAuthenticationToReviewInsteadOfRecordingIt() throws Exception {
    String sender = unique("sam") + "@customer.example";
    JsonNode item = deliver(plain(sender, unique("u") + "@customer.example", "Newsletter", "Unsubscribe me",
        authenticationResults("spf=fail smtp.mailfrom=customer.example; dkim=none; dmarc=fail header.from=customer.example")));
    String contactId = item.path("contactId").asString();
    String messageId = item.path("messageId").asString();

    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> reviewOf(messageId) != null);
    assertThat(admin.get("/api/v1/contacts/" + contactId + "/consents").body()).isEmpty();
    JsonNode mail = mailOf(conversation(item).path("messages").get(0));
    assertThat(mail.path("authentication").asString()).isEqualTo("failed");
    assertThat(mail.path("authenticationResults").asString()).contains("dmarc=fail");
    long number = conversation(item).path("conversation").path("number").asLong();
    assertThat(page("/conversations/" + number)).contains("data-sender=\"unverified\"")
        .contains("sender not verified");

    JsonNode verified = deliver(plain(unique("tom") + "@customer.example", unique("u") + "@customer.example",
        "Newsletter", "Unsubscribe me", authenticationResults("dmarc=pass header.from=customer.example")));
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
        admin.get("/api/v1/contacts/" + verified.path("contactId").asString() + "/consents").body().size() > 0);
    assertThat(mailOf(conversation(verified).path("messages").get(0)).path("authentication").asString())
        .isEqualTo("authenticated");
  }

  @Test
  void shouldNotTakeAForwardFromAStaffAddressThatFailsAuthenticationAsAStaffForward() {
    String vendor = unique("vera") + "@vendor.example";
    JsonNode item = deliver("""
        Authentication-Results: mx.tact.test; spf=softfail smtp.mailfrom=acme.example;
        	dmarc=fail (p=none) header.from=acme.example
        Received: from attacker.example (attacker.example [192.0.2.66]) by mx.tact.test
        Authentication-Results: mx.tact.test; dmarc=pass header.from=acme.example
        Authentication-Results: mx.elsewhere.example; dmarc=pass header.from=acme.example
        From: Ian IT <ian@acme.example>
        To: it@acme.example
        Subject: Fwd: Partnership offer
        Message-ID: <%s>
        Content-Type: text/plain; charset=UTF-8

        Please answer this one.

        ---------- Forwarded message ---------
        From: Vera Vendor <%s>
        Date: Mon, 16 Nov 2026 at 09:12
        Subject: Partnership offer
        To: <ceo@acme.example>

        Dear team, we would love to resell your product in Europe.
        """.formatted(unique("fwd") + "@acme.example", vendor));

    JsonNode contact = admin.get("/api/v1/contacts/" + item.path("contactId").asString()).body().path("contact");
    assertThat(contact.toString()).contains("ian@acme.example").doesNotContain(vendor);
    JsonNode mail = mailOf(conversation(item).path("messages").get(0));
    assertThat(mail.path("forwardedBy").isNull() || mail.path("forwardedBy").isMissingNode()).as(mail.toString())
        .isTrue();
    assertThat(mail.path("authentication").asString()).isEqualTo("failed");
  }

  @Test
  void shouldFileOneMessageWhenTheSameMessageIdReachesTwoOfOurAddresses() {
    String id = unique("cc") + "@customer.example";
    JsonNode first = deliver("Delivered-To: support@acme.example\n"
        + plain("leo@customer.example", id, "Both addresses", "Hello both.", ""));
    JsonNode second = deliver("Delivered-To: billing@acme.example\n"
        + plain("leo@customer.example", id, "Both addresses", "Hello both.", ""));

    assertThat(second.path("state").asString()).isEqualTo("duplicate");
    assertThat(second.path("messageId").asString()).isEqualTo(first.path("messageId").asString());
    assertThat(conversation(first).path("messages")).hasSize(1);
  }

  @Test
  void shouldMakeTheOriginalSenderTheRequesterWhenStaffForwardAMail() {
    String vendor = unique("vera") + "@vendor.example";
    JsonNode item = deliver("""
        From: Ian IT <ian@acme.example>
        To: it@acme.example
        Subject: Fwd: Partnership offer
        Message-ID: <%s>
        Content-Type: text/plain; charset=UTF-8

        Is this legit?

        ---------- Forwarded message ---------
        From: Vera Vendor <%s>
        Date: Mon, 16 Nov 2026 at 09:12
        Subject: Partnership offer
        To: <ceo@acme.example>

        Dear team, we would love to resell your product in Europe.
        """.formatted(unique("fwd") + "@acme.example", vendor));

    JsonNode contact = admin.get("/api/v1/contacts/" + item.path("contactId").asString()).body().path("contact");
    assertThat(contact.toString()).contains(vendor).doesNotContain("ian@acme.example");
    JsonNode conversation = conversation(item);
    assertThat(conversation.path("conversation").path("subject").asString()).isEqualTo("Partnership offer");
    assertThat(conversation.path("messages").get(0).path("body").asString()).contains("resell your product");
    assertThat(conversation.path("history").toString()).contains("forwarded by Ian IT <ian@acme.example>");
    JsonNode mail = mailOf(conversation.path("messages").get(0));
    assertThat(mail.path("forwardedBy").asString()).isEqualTo("Ian IT <ian@acme.example>");
    assertThat(mail.path("forwardComment").asString()).contains("Is this legit?");
  }

  @Test
  void shouldFlagAnAutoReplyAndLeaveAPendingConversationPending() {
    JsonNode item = deliver(plain("kim@customer.example", unique("k") + "@customer.example", "Refund", "Refund please.", ""));
    String conversationId = item.path("conversationId").asString();
    String replyId = admin.post("/api/v1/conversations/" + conversationId + "/replies", "{\"text\":\"Done.\"}").body()
        .path("externalId").asString();
    admin.put("/api/v1/conversations/" + conversationId + "/status", "{\"status\":\"pending\"}");

    JsonNode auto = deliver(plain("kim@customer.example", unique("ooo") + "@customer.example",
        "Automatic reply: Refund", "I am out of the office until Monday.",
        "Auto-Submitted: auto-replied\nIn-Reply-To: <" + replyId + ">\n"));

    assertThat(auto.path("conversationId").asString()).isEqualTo(conversationId);
    JsonNode conversation = conversation(auto);
    assertThat(conversation.path("conversation").path("status").asString()).isEqualTo("PENDING");
    JsonNode message = conversation.path("messages").get(2);
    assertThat(message.path("automatic").asBoolean()).isTrue();
    assertThat(mailOf(message).path("automaticKind").asString()).isNotEqualTo("none");
  }

  @Test
  void shouldLinkABounceToTheReplyThatBounced() {
    JsonNode item = deliver(plain("gone@customer.example", unique("b") + "@customer.example", "Hello", "Hi.", ""));
    String conversationId = item.path("conversationId").asString();
    JsonNode reply = admin.post("/api/v1/conversations/" + conversationId + "/replies", "{\"text\":\"Hello back.\"}")
        .body();

    JsonNode bounce = deliver(dsn(reply.path("externalId").asString(), "gone@customer.example"));

    assertThat(bounce.path("state").asString()).isEqualTo("done");
    assertThat(bounce.path("conversationId").asString()).isEqualTo(conversationId);
    JsonNode message = conversation(bounce).path("messages").get(2);
    assertThat(message.path("automatic").asBoolean()).isTrue();
    assertThat(mailOf(message).path("bouncedMessageId").asString()).isEqualTo(reply.path("id").asString());
  }

  @Test
  void shouldKeepButNotFileABounceAboutMailTactDidNotSend() {
    JsonNode bounce = deliver(dsn(unique("never-sent") + "@elsewhere.example", "nobody@customer.example"));

    assertThat(bounce.path("state").asString()).isEqualTo("suppressed");
    JsonNode logged = admin.get("/api/v1/admin/inbound/" + bounce.path("itemId").asString()).body();
    assertThat(logged.path("note").asString()).contains("bounce").contains("did not send");
  }

  @Test
  void shouldStopFilingAutomaticMailFromOneAddressPastTheHourlyLimit() {
    String robot = unique("robot") + "@loop.example";
    for (int i = 0; i < 3; i++) {
      JsonNode item = deliver(plain(robot, unique("loop") + "@loop.example", "Auto: received", "We got your mail.",
          "Auto-Submitted: auto-replied\n"));
      assertThat(item.path("state").asString()).isEqualTo("done");
    }
    JsonNode fourth = deliver(plain(robot, unique("loop") + "@loop.example", "Auto: received", "We got your mail.",
        "Auto-Submitted: auto-replied\n"));

    assertThat(fourth.path("state").asString()).isEqualTo("suppressed");
    assertThat(admin.get("/api/v1/admin/inbound/" + fourth.path("itemId").asString()).body().path("note").asString())
        .contains("Mail loop");
  }

  @Test
  void shouldParkMailThatCannotBeParsedAndKeepItsBytes() {
    byte[] garbage = new byte[600];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 31 % 7);
    }
    JsonNode ack = admin.postBytes("/api/v1/mail", garbage, "message/rfc822").body();
    JsonNode item = admin.awaitProcessed(ack);

    assertThat(item.path("state").asString()).isEqualTo("parked");
    HttpResponse<byte[]> raw = admin.getBytes("/api/v1/admin/inbound/" + ack.path("itemId").asString() + "/raw");
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.body()).isEqualTo(garbage);
  }

  @Test
  void shouldRefuseAnOversizeMailWithAProblemAndLogNothing() {
    long before = jdbc.sql("SELECT COUNT(*) FROM intake_item").query(Long.class).single();
    byte[] big = ("From: big@customer.example\r\nSubject: big\r\n\r\n" + "x".repeat(2_000_000))
        .getBytes(StandardCharsets.US_ASCII);

    ApiClient.Response response = admin.postBytes("/api/v1/mail", big, "message/rfc822");

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.body().path("code").asString()).isEqualTo("mail-too-large");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_item").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void shouldRefuseAnEnvelopeAddressWithAControlCharacterAndLogNothing() {
    long before = jdbc.sql("SELECT COUNT(*) FROM intake_item").query(Long.class).single();
    byte[] mail = plain("env@customer.example", unique("env") + "@customer.example", "Hi", "Hello.", "")
        .replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);

    ApiClient.Response sender = admin.postBytes("/api/v1/mail?envelopeSender=env%40customer.example%0D%0ARCPT%20TO:x",
        mail, "message/rfc822");
    ApiClient.Response recipient = admin.postBytes("/api/v1/mail?recipient=support%00%40acme.example", mail,
        "message/rfc822");

    assertThat(sender.status()).as(sender.raw()).isEqualTo(422);
    assertThat(sender.body().path("code").asString()).isEqualTo("control-characters");
    assertThat(recipient.status()).as(recipient.raw()).isEqualTo(422);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_item").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void shouldStoreAnAttachmentOnceAndServeItOnlyAsADownload() {
    String pdf = Base64.getMimeEncoder().encodeToString(("%PDF-1.4 " + unique("report")).getBytes(StandardCharsets.UTF_8));
    String html = Base64.getMimeEncoder().encodeToString("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    JsonNode first = deliver(withAttachments("ana@customer.example", unique("att") + "@customer.example", pdf, html));
    JsonNode second = deliver(withAttachments("bo@customer.example", unique("att") + "@customer.example", pdf, html));

    JsonNode mail = mailOf(conversation(first).path("messages").get(0));
    assertThat(mail.path("attachments")).hasSize(2);
    String sha = mail.path("attachments").get(0).path("sha256").asString();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_blob WHERE sha256 = :sha").param("sha", sha).query(Long.class)
        .single()).isEqualTo(1);
    assertThat(mailOf(conversation(second).path("messages").get(0)).path("attachments").get(0).path("sha256")
        .asString()).isEqualTo(sha);

    String messageId = mail.path("messageId").asString();
    HttpResponse<byte[]> download = admin.getBytes("/api/v1/mail/messages/" + messageId + "/attachments/"
        + mail.path("attachments").get(1).path("id").asString());
    assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    assertThat(download.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
    assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/octet-stream");
    assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("<script>alert(1)</script>");
  }

  @Test
  void shouldDeriveTextFromAnHtmlOnlyMailAndSanitiseItsHtml() {
    JsonNode item = deliver("""
        From: web@customer.example
        To: support@acme.example
        Subject: Formatted
        Message-ID: <%s>
        Content-Type: text/html; charset=UTF-8

        <html><body><script>steal()</script><p onclick="steal()">Hello <b>there</b></p>
        <img src="https://tracker.example/p.gif"><a href="javascript:steal()">click</a></body></html>
        """.formatted(unique("html") + "@customer.example"));

    JsonNode message = conversation(item).path("messages").get(0);
    assertThat(message.path("body").asString()).contains("Hello there").doesNotContain("<p");
    String safeHtml = mailOf(message).path("safeHtml").asString();
    assertThat(safeHtml).contains("there").doesNotContain("script").doesNotContain("onclick")
        .doesNotContain("tracker.example").doesNotContain("javascript:");
  }

  private JsonNode deliver(String mime) {
    byte[] bytes = mime.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    ApiClient.Response response = admin.postBytes("/api/v1/mail", bytes, "message/rfc822");
    assertThat(response.status()).as(response.raw()).isEqualTo(202);
    return admin.awaitProcessed(response.body());
  }

  private JsonNode conversation(JsonNode item) {
    return admin.get("/api/v1/conversations/" + item.path("conversationId").asString()).body();
  }

  private JsonNode mailOf(JsonNode message) {
    ApiClient.Response response = admin.get("/api/v1/mail/messages/" + message.path("id").asString());
    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    return response.body();
  }

  private String page(String path) throws Exception {
    return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .user("admin@example.com").roles("ADMIN")))
        .andReturn().getResponse().getContentAsString();
  }

  private JsonNode reviewOf(String messageId) {
    for (JsonNode review : admin.get("/api/v1/policy/optout-reviews?status=open&limit=500").body()) {
      if (review.path("messageId").asString().equals(messageId)) {
        return review;
      }
    }
    return null;
  }

  /** An Authentication-Results header of the trusted receiving host, folded as MTAs write it. */
  private static String authenticationResults(String results) {
    return "Authentication-Results: mx.tact.test;\n\t" + results.replace("; ", ";\n\t") + "\n";
  }

  private static String plain(String from, String messageId, String subject, String text, String extraHeaders) {
    return "From: " + from + "\nTo: support@acme.example\nSubject: " + subject + "\nMessage-ID: <" + messageId + ">\n"
        + extraHeaders + "Content-Type: text/plain; charset=UTF-8\n\n" + text + "\n";
  }

  private static String dsn(String originalMessageId, String recipient) {
    return """
        From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>
        To: support@acme.example
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <%s>
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"

        --BOUNDARY
        Content-Type: text/plain

        Your message could not be delivered to %s: user unknown.

        --BOUNDARY
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.customer.example

        Final-Recipient: rfc822; %s
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 user unknown

        --BOUNDARY
        Content-Type: text/rfc822-headers

        From: support@acme.example
        To: %s
        Subject: Re: Hello
        Message-ID: <%s>

        --BOUNDARY--
        """.formatted(unique("dsn") + "@mx.customer.example", recipient, recipient, recipient, originalMessageId);
  }

  private static String withAttachments(String from, String messageId, String pdfBase64, String htmlBase64) {
    return """
        From: %s
        To: support@acme.example
        Subject: Report attached
        Message-ID: <%s>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="MIX"

        --MIX
        Content-Type: text/plain; charset=UTF-8

        See the attached report.
        --MIX
        Content-Type: application/pdf; name="report.pdf"
        Content-Disposition: attachment; filename="report.pdf"
        Content-Transfer-Encoding: base64

        %s
        --MIX
        Content-Type: text/html; name="page.html"
        Content-Disposition: attachment; filename="page.html"
        Content-Transfer-Encoding: base64

        %s
        --MIX--
        """.formatted(from, messageId, pdfBase64, htmlBase64);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }
}
