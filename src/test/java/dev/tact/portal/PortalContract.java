package dev.tact.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Direction;
import dev.tact.conversation.Status;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.shared.Channel;
import dev.tact.testsupport.SwitchableSms;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customer portal over real HTTP, as a customer's browser uses it (cookies, CSRF tokens of the page, redirects
 * seen), on H2 and on PostgreSQL: links that answer the same for known and unknown addresses, work once and expire;
 * a customer who sees their own conversations (a merged contact's too) and nobody else's, never an internal note;
 * replies that enter through intake; closing as the customer.
 */
abstract class PortalContract {

  @LocalServerPort
  int port;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  MessageIntake intake;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  dev.tact.delivery.DirectNotices notices;

  @BeforeEach
  @AfterEach
  void noSms() {
    SwitchableSms.off();
  }

  // --- asking for a link -------------------------------------------------------------------------------------------

  @Test
  void shouldAnswerTheSameNeutralPageWhetherOrNotTheAddressIsKnown() {
    Customer known = customer("Kira Known");
    String unknown = "nobody." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    Browser browser = new Browser();

    HttpResponse<String> forKnown = browser.submit("/portal", "/portal/link", Map.of("address", known.email()));
    HttpResponse<String> forUnknown = browser.submit("/portal", "/portal/link", Map.of("address", unknown));

    assertThat(forKnown.statusCode()).isEqualTo(200);
    assertThat(forUnknown.statusCode()).isEqualTo(200);
    assertThat(forKnown.body().replace(known.email(), "ADDRESS"))
        .isEqualTo(forUnknown.body().replace(unknown, "ADDRESS"));
    assertThat(forKnown.body()).contains("Check your email").contains("If <strong>" + known.email());
    awaitLinkRequestsHandled();
    assertThat(linkMails(known.email())).hasSize(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_outbox WHERE recipient = :r").param("r", unknown)
        .query(Long.class).single()).isZero();
  }

  @Test
  void shouldSendTheLinkThroughTheContactPolicyAsATransactionalMailToTheAddressAsked() {
    Customer customer = customer("Tess Transactional");
    String second = "second." + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    contacts.attach(customer.contact().id(), identities.email(second));

    new Browser().submit("/portal", "/portal/link", Map.of("address", second.toUpperCase()));
    awaitLinkRequestsHandled();

    Map<String, Object> row = jdbc.sql("SELECT purpose, kind, recipient, decision_id, state, cause FROM delivery_outbox "
        + "WHERE idempotency_key LIKE 'portal-link:%' AND contact_id = :c").param("c", customer.contact().id())
        .query().singleRow();
    assertThat(row.get("purpose")).isEqualTo("TRANSACTIONAL");
    assertThat(row.get("kind")).isEqualTo("EMAIL");
    assertThat(row.get("recipient")).isEqualTo(second);
    assertThat(row.get("decision_id")).isNotNull();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM policy_decision WHERE id = :id").param("id", row.get("decision_id"))
        .query(Long.class).single()).isEqualTo(1L);
    // only the link's hash is kept
    String link = linkIn(linkMails(second).getFirst());
    String secret = link.substring(link.lastIndexOf('/') + 1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM portal_link WHERE token_hash = :s OR token_hash = :h")
        .param("s", secret).param("h", PortalSecrets.hash(secret)).query(Long.class).single()).isEqualTo(1L);
    assertThat(jdbc.sql("SELECT token_hash FROM portal_link WHERE token_hash = :h").param("h", PortalSecrets.hash(secret))
        .query(String.class).single()).isNotEqualTo(secret);
  }

  @Test
  void shouldSendANoticeOnlyToAnAddressOfTheContactsOwn() {
    Customer one = customer("Owen Own");
    Customer other = customer("Olive Other");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> notices.email(one.contact().id(), other.email(), "Hi",
            "text", dev.tact.policy.Purpose.TRANSACTIONAL, "test:" + UUID.randomUUID(), "test"))
        .isInstanceOf(dev.tact.shared.ProblemException.class).hasMessageContaining("is not an identity of contact");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_outbox WHERE recipient = :r").param("r", other.email())
        .query(Long.class).single()).isZero();
  }

  @Test
  void shouldRefuseAnAddressThatIsNeitherEmailNorPhoneWithAReadableMessage() {
    HttpResponse<String> answer = new Browser().submit("/portal", "/portal/link", Map.of("address", "not an address"));

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(answer.body()).contains("is not an email address or a phone number");
  }

  @Test
  void shouldLimitLinksPerAddressWith429AndRetryAfter() {
    Customer customer = customer("Lena Limited");
    Browser browser = new Browser();
    for (int i = 0; i < 3; i++) {
      assertThat(browser.submit("/portal", "/portal/link", Map.of("address", customer.email())).statusCode())
          .isEqualTo(200);
    }

    HttpResponse<String> fourth = browser.submit("/portal", "/portal/link", Map.of("address", customer.email()));
    awaitLinkRequestsHandled();

    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(fourth.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v))
        .isPositive());
    assertThat(fourth.body()).contains("Too many requests").contains("try again");
    assertThat(linkMails(customer.email())).hasSize(3);
  }

  @Test
  void shouldSayTheLinkGoesByEmailOnlyWhenNoSmsWayOutIsConfigured() {
    Customer customer = customer("Pablo Phone");
    String phone = "+12045550" + (100 + (int) (Math.random() * 800));
    contacts.attach(customer.contact().id(), identities.phone(phone));

    HttpResponse<String> answer = new Browser().submit("/portal", "/portal/link", Map.of("address", phone));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("We can send the link by email only");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_outbox WHERE contact_id = :c").param("c", customer.contact().id())
        .query(Long.class).single()).isZero();
  }

  @Test
  void shouldTextTheLinkWhenAnSmsWayOutIsConfigured() {
    SwitchableSms.on();
    Customer customer = customer("Sam Sms");
    String phone = "+12045551" + (100 + (int) (Math.random() * 800));
    contacts.attach(customer.contact().id(), identities.phone(phone));

    HttpResponse<String> answer = new Browser().submit("/portal", "/portal/link", Map.of("address", phone));

    assertThat(answer.body()).contains("Check your text messages");
    awaitLinkRequestsHandled();
    Map<String, Object> row = jdbc.sql("SELECT kind, recipient, purpose, content FROM delivery_outbox WHERE contact_id = :c")
        .param("c", customer.contact().id()).query().singleRow();
    assertThat(row.get("kind")).isEqualTo("WEBHOOK");
    assertThat(row.get("recipient")).isEqualTo(phone);
    assertThat(row.get("purpose")).isEqualTo("TRANSACTIONAL");
    assertThat(new String((byte[]) row.get("content"), StandardCharsets.UTF_8)).contains("/portal/link/");
  }

  @Test
  void shouldRefuseAPostWithoutTheFormsCsrfToken() {
    Customer customer = customer("Cora Csrf");
    Browser browser = new Browser();
    browser.get("/portal");

    HttpResponse<String> answer = browser.post("/portal/link", Map.of("address", customer.email()));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(linkMails(customer.email())).isEmpty();
  }

  // --- using a link ------------------------------------------------------------------------------------------------

  @Test
  void shouldSignInOnceAndRefuseTheSameLinkAgainWithAPageToAskForANewOne() {
    Customer customer = customer("Uma Used");
    String link = askForLink(customer.email());
    Browser first = new Browser();

    HttpResponse<String> opened = first.get(link);
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.body()).contains("Continue");
    assertThat(first.submit(link, link, Map.of()).headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/portal/conversations"));
    assertThat(first.get("/portal/conversations").body()).contains(customer.subject());

    Browser second = new Browser();
    HttpResponse<String> again = second.get(link);
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body()).contains("used already").contains("Ask for a new link");
    HttpResponse<String> postedAgain = second.submit("/portal", link, Map.of());
    assertThat(postedAgain.statusCode()).isEqualTo(410);
    assertThat(second.get("/portal/conversations").statusCode()).isEqualTo(302);
  }

  @Test
  void shouldRefuseAnExpiredLink() {
    Customer customer = customer("Ezra Expired");
    String link = askForLink(customer.email());
    jdbc.sql("UPDATE portal_link SET expires_at = :past WHERE contact_id = :c")
        .param("past", Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC)).param("c", customer.contact().id())
        .update();
    Browser browser = new Browser();

    HttpResponse<String> opened = browser.get(link);
    HttpResponse<String> posted = browser.submit("/portal", link, Map.of());

    assertThat(opened.statusCode()).isEqualTo(410);
    assertThat(opened.body()).contains("expired").contains("Ask for a new link");
    assertThat(posted.statusCode()).isEqualTo(410);
    assertThat(browser.get("/portal/conversations").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/portal"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM portal_session WHERE contact_id = :c")
        .param("c", customer.contact().id()).query(Long.class).single()).isZero();
  }

  @Test
  void shouldRefuseAMadeUpLink() {
    HttpResponse<String> answer = new Browser().get("/portal/link/" + "A".repeat(43));

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).contains("Ask for a new link");
  }

  @Test
  void shouldKeepThePortalSessionOutOfTheAgentsSessionsAndEndItOnSignOut() {
    Customer customer = customer("Olga Outside");
    long signingIn = System.currentTimeMillis();
    Browser browser = signedIn(customer);
    assertThat(browser.cookie("tact_portal")).isPresent();
    assertThat(browser.cookie("SESSION")).isEmpty();
    assertThat(browser.cookie("JSESSIONID")).isEmpty();
    // other test classes in this context sign agents in; none of them runs while this test does
    assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_session WHERE creation_time >= :t").param("t", signingIn)
        .query(Long.class).single()).as("staff sessions made while the customer signed in").isZero();

    HttpResponse<String> out = browser.submit("/portal/conversations", "/portal/sign-out", Map.of());

    assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/portal?signed-out"));
    assertThat(browser.get("/portal/conversations").statusCode()).isEqualTo(302);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM portal_session WHERE contact_id = :c AND ended_at IS NOT NULL")
        .param("c", customer.contact().id()).query(Long.class).single()).isEqualTo(1L);
  }

  @Test
  void shouldEndASessionIdleForTooLongAndIgnoreAMadeUpCookie() {
    Customer customer = customer("Ida Idle");
    Browser browser = signedIn(customer);
    jdbc.sql("UPDATE portal_session SET idle_until = :past WHERE contact_id = :c")
        .param("past", Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC)).param("c", customer.contact().id())
        .update();

    HttpResponse<String> afterIdle = browser.get("/portal/conversations");
    Browser forged = new Browser();
    forged.cookies.getCookieStore().add(URI.create("http://127.0.0.1:" + port + "/portal"),
        portalCookie("B".repeat(43)));
    HttpResponse<String> withForgedCookie = forged.get("/portal/conversations/" + customer.conversation().number());

    assertThat(afterIdle.statusCode()).isEqualTo(302);
    assertThat(afterIdle.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/portal?expired"));
    assertThat(browser.get("/portal?expired").body()).contains("Your session has ended");
    assertThat(withForgedCookie.statusCode()).isEqualTo(302);
    assertThat(withForgedCookie.body()).doesNotContain(customer.subject());
  }

  static HttpCookie portalCookie(String value) {
    HttpCookie cookie = new HttpCookie("tact_portal", value);
    cookie.setPath("/portal");
    cookie.setVersion(0);
    return cookie;
  }

  // --- whose conversations -----------------------------------------------------------------------------------------

  @Test
  void shouldAnswer404ForAnotherCustomersConversationByNumberOrIdAndLeakNothing() {
    Customer mine = customer("Mia Mine");
    Customer theirs = customer("Theo Theirs");
    Browser browser = signedIn(mine);

    HttpResponse<String> byNumber = browser.get("/portal/conversations/" + theirs.conversation().number());
    HttpResponse<String> byId = browser.get("/portal/conversations/" + theirs.conversation().id());
    HttpResponse<String> missing = browser.get("/portal/conversations/987654321");
    HttpResponse<String> reply = browser.submit("/portal/conversations/" + mine.conversation().number(),
        "/portal/conversations/" + theirs.conversation().number() + "/reply",
        Map.of("text", "let me in", "replyKey", UUID.randomUUID().toString()));
    HttpResponse<String> close = browser.submit("/portal/conversations/" + mine.conversation().number(),
        "/portal/conversations/" + theirs.conversation().id() + "/close", Map.of());

    for (HttpResponse<String> answer : List.of(byNumber, byId, missing, reply, close)) {
      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(answer.body()).contains("No such conversation").doesNotContain(theirs.subject())
          .doesNotContain(theirs.text()).doesNotContain("Theo");
    }
    assertThat(byNumber.body().replace(Long.toString(theirs.conversation().number()), "N"))
        .isEqualTo(missing.body().replace("987654321", "N"));
    assertThat(browser.get("/portal/conversations").body()).contains(mine.subject()).doesNotContain(theirs.subject());
    ConversationDetails after = conversations.requireDetails(theirs.conversation().id());
    assertThat(after.conversation().status()).isNotEqualTo(Status.CLOSED);
    assertThat(after.messages()).hasSize(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_item WHERE payload LIKE :t").param("t", "%let me in%")
        .query(Long.class).single()).isZero();
  }

  @Test
  void shouldShowOurRepliesButNeverAnInternalNote() {
    Customer customer = customer("Nora Notes");
    UUID id = customer.conversation().id();
    conversations.reply(id, Actor.agent(null, "Ada Agent"), "Here is what we found: reply " + UUID.randomUUID());
    conversations.addNote(id, Actor.agent(null, "Ada Agent"), "INTERNAL only: customer is grumpy");
    String replyText = conversations.requireDetails(id).messages().stream()
        .filter(m -> m.direction() == Direction.OUTBOUND).findFirst().orElseThrow().body();
    Browser browser = signedIn(customer);

    HttpResponse<String> page = browser.get("/portal/conversations/" + customer.conversation().number());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(customer.text()).contains(replyText).doesNotContain("INTERNAL only")
        .doesNotContain("grumpy");
  }

  @Test
  void shouldShowEveryConversationOfAMergedContactBeforeAndAfterTheMerge() {
    Customer survivor = customer("Sara Survivor");
    Customer merged = customer("Sara Second-Address");
    Browser signedInAsMerged = signedIn(merged);

    contacts.merge(survivor.contact().id(), merged.contact().id(), "test");

    // the session of the merged-away contact now is the survivor, with both conversations, whether or not the
    // conversations have followed the survivor yet
    HttpResponse<String> list = signedInAsMerged.get("/portal/conversations");
    assertThat(list.body()).contains(survivor.subject()).contains(merged.subject()).contains("Sara Survivor");
    assertThat(signedInAsMerged.get("/portal/conversations/" + survivor.conversation().number()).statusCode())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> merged.contact().id().equals(
        conversations.requireDetails(merged.conversation().id()).conversation().contactId()) == false);
    Browser signedInAsSurvivor = signedIn(survivor);
    assertThat(signedInAsSurvivor.get("/portal/conversations").body()).contains(survivor.subject())
        .contains(merged.subject());
    // a link asked for with the merged-away address signs in as the survivor too
    Browser byOldAddress = new Browser();
    String link = askForLink(merged.email());
    byOldAddress.submit(link, link, Map.of());
    assertThat(byOldAddress.get("/portal/conversations/" + merged.conversation().number()).body())
        .contains(merged.text());
  }

  // --- replying and closing ----------------------------------------------------------------------------------------

  @Test
  void shouldFileTheReplyThroughIntakeOnceEvenWhenTheFormIsSentTwice() {
    Customer customer = customer("Rita Replies");
    Browser browser = signedIn(customer);
    String path = "/portal/conversations/" + customer.conversation().number();
    String text = "Thanks, and one more question " + UUID.randomUUID();
    String key = UUID.randomUUID().toString();

    HttpResponse<String> sent = browser.submit(path, path + "/reply", Map.of("text", text, "replyKey", key));
    browser.submit(path, path + "/reply", Map.of("text", text, "replyKey", key));

    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(path + "?replied"));
    await().atMost(Duration.ofSeconds(20)).until(() -> conversations.requireDetails(customer.conversation().id())
        .messages().stream().anyMatch(m -> text.equals(m.body())));
    ConversationDetails details = conversations.requireDetails(customer.conversation().id());
    assertThat(details.messages().stream().filter(m -> text.equals(m.body())).toList()).singleElement()
        .satisfies(m -> {
          assertThat(m.direction()).isEqualTo(Direction.INBOUND);
          assertThat(m.channel()).isEqualTo(Channel.WEB);
          assertThat(m.contactId()).isEqualTo(customer.contact().id());
        });
    // the second copy reached the log under the same external id and was recognised as a redelivery, not filed
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT state FROM intake_item WHERE external_id = :e")
        .param("e", "portal:" + customer.contact().id() + ":" + key).query(String.class).list().stream().sorted()
        .toList().equals(List.of("DONE", "DUPLICATE")));
    assertThat(conversations.requireDetails(customer.conversation().id()).messages().stream()
        .filter(m -> text.equals(m.body())).count()).isEqualTo(1L);
    assertThat(browser.get(path).body()).contains(text);
  }

  @Test
  void shouldRefuseAnEmptyReplyWithAReadableMessage() {
    Customer customer = customer("Erin Empty");
    Browser browser = signedIn(customer);
    String path = "/portal/conversations/" + customer.conversation().number();

    HttpResponse<String> answer = browser.submit(path, path + "/reply", Map.of("text", "  ",
        "replyKey", UUID.randomUUID().toString()));

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(answer.body()).contains("Write your reply first.");
  }

  @Test
  void shouldCloseTheConversationAsTheCustomer() {
    Customer customer = customer("Cleo Closes");
    Browser browser = signedIn(customer);
    String path = "/portal/conversations/" + customer.conversation().number();

    HttpResponse<String> closed = browser.submit(path, path + "/close", Map.of());

    assertThat(closed.statusCode()).isEqualTo(302);
    ConversationDetails details = conversations.requireDetails(customer.conversation().id());
    assertThat(details.conversation().status()).isEqualTo(Status.CLOSED);
    assertThat(details.history()).anySatisfy(h -> {
      assertThat(h.actor().kind()).isEqualTo(Actor.Kind.CONTACT);
      assertThat(h.actor().id()).isEqualTo(customer.contact().id());
      assertThat(h.detail()).endsWith("Closed");
    });
    HttpResponse<String> page = browser.get(path);
    assertThat(page.body()).contains("This conversation is closed").doesNotContain("Send reply");
    HttpResponse<String> lateReply = browser.submit(path, path + "/reply", Map.of("text", "one more thing",
        "replyKey", UUID.randomUUID().toString()));
    assertThat(lateReply.statusCode()).isEqualTo(409);
    assertThat(lateReply.body()).contains("This conversation is closed");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_item WHERE payload LIKE :t").param("t", "%one more thing%")
        .query(Long.class).single()).isZero();
  }

  // --- helpers -----------------------------------------------------------------------------------------------------

  record Customer(Contact contact, String email, ConversationSummary conversation, String subject, String text) {}

  /** A contact with one conversation of their own, filed through intake. */
  Customer customer(String name) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = name.toLowerCase().replaceAll("[^a-z]", ".") + "." + tag + "@customer.test";
    String subject = "Subject " + tag + " of " + name;
    String text = "Question " + UUID.randomUUID() + " about order " + UUID.randomUUID() + " from " + name;
    intake.submit(new MessageSubmission("web", email, name, null, null, subject, text, null, null, null));
    await().atMost(Duration.ofSeconds(20)).until(() -> contacts.findByIdentity(identities.email(email))
        .map(c -> !conversations.ofContact(c.id()).isEmpty()).orElse(false));
    Contact contact = contacts.findByIdentity(identities.email(email)).orElseThrow();
    return new Customer(contact, email, conversations.ofContact(contact.id()).getFirst(), subject, text);
  }

  /** Asks for a link to this address and reads the link's path out of the mail in the outbox. */
  String askForLink(String email) {
    int before = linkMails(email).size();
    HttpResponse<String> answer = new Browser().submit("/portal", "/portal/link", Map.of("address", email));
    assertThat(answer.statusCode()).isEqualTo(200);
    awaitLinkRequestsHandled();
    List<byte[]> mails = linkMails(email);
    assertThat(mails).hasSize(before + 1);
    return URI.create(linkIn(mails.getLast())).getPath();
  }

  /** Links are sent after the request's commit, from the event publication log: waits until every ask is handled. */
  void awaitLinkRequestsHandled() {
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication "
        + "WHERE event_type LIKE '%PortalLinkRequested' AND completion_date IS NULL").query(Long.class).single() == 0);
  }

  Browser signedIn(Customer customer) {
    String link = askForLink(customer.email());
    Browser browser = new Browser();
    HttpResponse<String> signedIn = browser.submit(link, link, Map.of());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    return browser;
  }

  List<byte[]> linkMails(String email) {
    return jdbc.sql("SELECT content FROM delivery_outbox WHERE recipient = :r AND idempotency_key LIKE 'portal-link:%' "
        + "ORDER BY created_at, id").param("r", email.toLowerCase()).query((rs, n) -> rs.getBytes("content")).list();
  }

  static String linkIn(byte[] mail) {
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail));
      Object content = message.getContent();
      String text = content instanceof MimeMultipart parts ? parts.getBodyPart(0).getContent().toString()
          : content.toString();
      Matcher link = Pattern.compile("https?://\\S+/portal/link/[A-Za-z0-9_-]+").matcher(text);
      assertThat(link.find()).as("a link in: %s", text).isTrue();
      return link.group();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A customer's browser: a cookie jar, redirects not followed, forms posted with their page's CSRF token. */
  class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
      HttpResponse<String> page = get(formPage);
      Matcher token = CSRF.matcher(page.body());
      assertThat(token.find()).as("a CSRF token on %s (%s): %s", formPage, page.statusCode(), page.body()).isTrue();
      Map<String, String> all = new LinkedHashMap<>(fields);
      all.put("_csrf", token.group(1).replace("&#45;", "-"));
      return post(action, all);
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
      String form = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
      return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Optional<HttpCookie> cookie(String name) {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    private URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return http.send(request.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
