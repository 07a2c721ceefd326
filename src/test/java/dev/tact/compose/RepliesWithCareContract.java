package dev.tact.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Status;
import dev.tact.delivery.Outbox;
import dev.tact.delivery.ReplyVia;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.mail.OutgoingMail;
import dev.tact.shared.ProblemException;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.testsupport.JsonApi;
import dev.tact.testsupport.StaffMailbox;
import dev.tact.timer.Timers;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 17, replies with care, on H2 and PostgreSQL, sending to GreenMail: a reply is held for its undo window and
 * then sent once; an undone one is never written nor sent; undo after it left answers too late; undo and release
 * racing leave exactly one of them done; the tone check's cool-off holds longer; send and set status; signatures;
 * CC, BCC and attachments as MIME; drafts; the agent's own window; the API.
 */
abstract class RepliesWithCareContract {

  @DynamicPropertySource
  static void relay(DynamicPropertyRegistry registry) {
    registry.add("tact.delivery.smtp.host", () -> "127.0.0.1");
    registry.add("tact.delivery.smtp.port", StaffMailbox::port);
    registry.add("tact.delivery.smtp.security", () -> "NONE");
  }

  @LocalServerPort
  int port;

  @Autowired
  dev.tact.tone.ToneCheck tone;

  @Autowired
  ReplySender sender;

  @Autowired
  HeldReplies held;

  @Autowired
  Drafts drafts;

  @Autowired
  Signatures signatures;

  @Autowired
  Preferences preferences;

  @Autowired
  CopyAddresses copyAddresses;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  Outbox outbox;

  @Autowired
  Timers timers;

  @Autowired
  MessageIntake intake;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiTokens tokens;

  @Autowired
  dev.tact.staff.StaffDirectory staff;

  @Autowired
  dev.tact.staff.Accounts accounts;

  Actor dana;

  @BeforeEach
  void agent() {
    dana = Actor.agent(UUID.randomUUID(), "Dana");
  }

  @Test
  void shouldHoldAReplyForItsWindowAndThenSendItOnce() {
    String customer = customer();
    UUID conversation = conversationFrom(customer);
    String text = "Your refund left today, " + UUID.randomUUID();

    ReplySender.Sent sent = sender.send(conversation, dana, text, Replies.Options.DEFAULT, Duration.ofSeconds(2));

    assertThat(sent.isHeld()).isTrue();
    HeldReply h = sent.held();
    assertThat(h.state()).isEqualTo(HeldReply.State.HELD);
    assertThat(Duration.between(h.createdAt(), h.sendAt())).isEqualTo(Duration.ofSeconds(2));
    assertThat(replies(conversation)).as("not in the conversation while held").isZero();
    assertThat(outboxRows(conversation)).as("not in the outbox while held").isZero();
    assertThat(timers.find(HeldReplies.TIMER, h.id().toString())).get()
        .extracting(t -> t.dueAt()).isEqualTo(h.sendAt());

    MimeMessage mail = StaffMailbox.await(customer, 1);
    assertThat(StaffMailbox.text(mail)).contains(text);
    HeldReply released = held.find(h.id()).orElseThrow();
    assertThat(released.state()).isEqualTo(HeldReply.State.RELEASED);
    assertThat(released.messageId()).isNotNull();
    assertThat(outbox.ofMessage(released.messageId())).isPresent();
    assertThat(replies(conversation)).isEqualTo(1);
    assertThat(StaffMailbox.to(customer)).hasSize(1);
  }

  @Test
  void shouldUndoAHeldReplySoThatNothingIsWrittenOrSentAndTheTextComesBack() {
    String customer = customer();
    UUID conversation = conversationFrom(customer);
    String undone = "I was rude here " + UUID.randomUUID();
    HeldReply h = sender.send(conversation, dana, undone, new Replies.Options(ReplyVia.DEFAULT,
        List.of("boss@copies.test"), List.of(), null, false), Duration.ofSeconds(2)).held();

    HeldReply after = held.undo(h.id(), dana);

    assertThat(after.state()).isEqualTo(HeldReply.State.UNDONE);
    assertThat(held.undo(h.id(), dana).state()).as("undone twice: the same answer").isEqualTo(HeldReply.State.UNDONE);
    assertThat(timers.find(HeldReplies.TIMER, h.id().toString())).isEmpty();
    Drafts.Draft draft = drafts.find(dana.id(), conversation).orElseThrow();
    assertThat(draft.text()).isEqualTo(undone);
    assertThat(draft.cc()).containsExactly("boss@copies.test");

    // a later reply is sent; once it arrived, the undone one (due earlier) would have arrived before it
    String later = "A kinder answer " + UUID.randomUUID();
    sender.send(conversation, dana, later, Replies.Options.DEFAULT, Duration.ZERO);
    StaffMailbox.await(customer, 1);
    assertThat(StaffMailbox.to(customer)).hasSize(1);
    assertThat(StaffMailbox.text(StaffMailbox.to(customer).getFirst())).contains(later).doesNotContain(undone);
    assertThat(replies(conversation)).isEqualTo(1);
    assertThat(held.find(h.id()).orElseThrow().state()).isEqualTo(HeldReply.State.UNDONE);
    assertThat(drafts.find(dana.id(), conversation)).as("sending deleted the draft").isEmpty();
  }

  @Test
  void shouldAnswerTooLateToAnUndoAfterTheReplyLeft() {
    String customer = customer();
    UUID conversation = conversationFrom(customer);
    HeldReply h = sender.send(conversation, dana, "On its way.", Replies.Options.DEFAULT, Duration.ofSeconds(1))
        .held();
    await().atMost(Duration.ofSeconds(20))
        .until(() -> held.find(h.id()).orElseThrow().state() == HeldReply.State.RELEASED);

    assertThatThrownBy(() -> held.undo(h.id(), dana)).isInstanceOfSatisfying(ProblemException.class, e -> {
      assertThat(e.status()).isEqualTo(409);
      assertThat(e.code()).isEqualTo("too-late");
      assertThat(e.getMessage()).startsWith("Too late to undo: the reply was handed to delivery at");
    });
    StaffMailbox.await(customer, 1);
    assertThat(replies(conversation)).isEqualTo(1);
  }

  @Test
  void shouldLetExactlyOneOfUndoAndReleaseWinWhenTheyRace() throws Exception {
    UUID conversation = conversationFrom(customer());
    int released = 0;
    for (int round = 0; round < 6; round++) {
      HeldReply h = sender.send(conversation, dana, "Race " + round, Replies.Options.DEFAULT, Duration.ofSeconds(60))
          .held();
      CountDownLatch start = new CountDownLatch(1);
      CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
        waitFor(start);
        held.release(h.id());
      });
      CompletableFuture<String> undo = CompletableFuture.supplyAsync(() -> {
        waitFor(start);
        try {
          return held.undo(h.id(), dana).state().name();
        } catch (ProblemException e) {
          return e.code();
        }
      });
      start.countDown();
      release.get();
      String undoAnswer = undo.get();
      HeldReply after = held.find(h.id()).orElseThrow();
      if (after.state() == HeldReply.State.RELEASED) {
        released++;
        assertThat(undoAnswer).isEqualTo("too-late");
        assertThat(after.messageId()).isNotNull();
      } else {
        assertThat(after.state()).isEqualTo(HeldReply.State.UNDONE);
        assertThat(undoAnswer).isEqualTo("UNDONE");
        assertThat(after.messageId()).isNull();
      }
      assertThat(replies(conversation)).as("round " + round).isEqualTo(released);
      assertThat(outboxRows(conversation)).isEqualTo(released);
    }
  }

  @Test
  void shouldHoldADraftTheToneCheckFlaggedForTheCoolOffAsWell() {
    UUID conversation = conversationFrom(customer());

    HeldReply h = sender.send(conversation, dana, "Obviously you did not read it.",
        Replies.Options.DEFAULT.withCoolOff(true), Duration.ofSeconds(5)).held();

    assertThat(h.coolOffSeconds()).isEqualTo(30);
    assertThat(Duration.between(h.createdAt(), h.sendAt())).isEqualTo(Duration.ofSeconds(35));
    HeldReply unflagged = sender.send(conversation, dana, "Thanks for waiting.", Replies.Options.DEFAULT,
        Duration.ofSeconds(5)).held();
    assertThat(Duration.between(unflagged.createdAt(), unflagged.sendAt())).isEqualTo(Duration.ofSeconds(5));
    held.undo(h.id(), dana);
    held.undo(unflagged.id(), dana);
  }

  @Test
  void shouldCoolOffADraftTheToneCheckFlagsEvenWhenTheCallerDidNotSaySo() {
    UUID conversation = conversationFrom(customer());
    String hostile = "This is a stupid question. Obviously you did not read the manual, it is your own fault.";
    assertThat(tone.check(hostile).flagged()).as("the tone check flags the draft").isTrue();

    HeldReply h = sender.send(conversation, dana, hostile, Replies.Options.DEFAULT, Duration.ofSeconds(5)).held();

    assertThat(h.coolOffSeconds()).isEqualTo(30);
    assertThat(Duration.between(h.createdAt(), h.sendAt())).isEqualTo(Duration.ofSeconds(35));
    held.undo(h.id(), dana);
  }

  @Test
  void shouldLetOnlyItsAuthorUndoAReply() {
    UUID conversation = conversationFrom(customer());
    HeldReply h = sender.send(conversation, dana, "Mine.", Replies.Options.DEFAULT, Duration.ofSeconds(30)).held();

    assertThatThrownBy(() -> held.undo(h.id(), Actor.agent(UUID.randomUUID(), "Bo")))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThat(held.find(h.id()).orElseThrow().state()).isEqualTo(HeldReply.State.HELD);
    held.undo(h.id(), dana);
  }

  @Test
  void shouldSetTheStatusWithTheReplyAtOnceOrWhenItLeaves() {
    UUID now = conversationFrom(customer());
    sender.send(now, dana, "Done.", new Replies.Options(ReplyVia.DEFAULT, List.of(), List.of(), Status.SOLVED,
        false), Duration.ZERO);
    assertThat(conversations.requireByReference(now.toString()).status()).isEqualTo(Status.SOLVED);

    UUID later = conversationFrom(customer());
    HeldReply h = sender.send(later, dana, "Over to you.", new Replies.Options(ReplyVia.DEFAULT, List.of(),
        List.of(), Status.PENDING, false), Duration.ofSeconds(1)).held();
    assertThat(conversations.requireByReference(later.toString()).status()).isEqualTo(Status.NEW);
    await().atMost(Duration.ofSeconds(20))
        .until(() -> conversations.requireByReference(later.toString()).status() == Status.PENDING);
    assertThat(held.find(h.id()).orElseThrow().state()).isEqualTo(HeldReply.State.RELEASED);
  }

  @Test
  void shouldEndAReplyWithTheAgentsSignatureAndTheMailboxs() {
    String customer = customer();
    UUID conversation = conversationFrom(customer);
    var agent = staff.createAgent("dana-" + UUID.randomUUID().toString().substring(0, 8) + "@tact.test", "Dana Díaz",
        Role.AGENT, "a-long-enough-password-1");
    accounts.updateProfile(agent.id(), "Dana Díaz", "", "Dana Díaz\r\nAcme Help", List.of());
    Actor author = Actor.agent(agent.id(), "Dana Díaz");

    sender.send(conversation, author, "It is fixed.", Replies.Options.DEFAULT, Duration.ZERO);

    assertThat(jdbc.sql("SELECT body FROM conv_message WHERE conversation_id = :c AND direction = 'OUTBOUND'")
        .param("c", conversation).query(String.class).single()).isEqualTo("It is fixed.\n\n-- \nDana Díaz\nAcme Help");
    assertThat(StaffMailbox.text(StaffMailbox.await(customer, 1))).contains("Dana Díaz");

    UUID mailbox = UUID.randomUUID();
    signatures.saveForMailbox(mailbox, "Acme Support\r\n+49 30 1234");
    assertThat(signatures.forReply(agent.id(), mailbox)).hasValue("Dana Díaz\nAcme Help\nAcme Support\n+49 30 1234");
    assertThat(signatures.forReply(null, mailbox)).hasValue("Acme Support\n+49 30 1234");
    assertThatThrownBy(() -> signatures.saveForMailbox(mailbox, "x\u0000y")).isInstanceOf(ProblemException.class);
    assertThat(signatures.ofMailbox(mailbox)).hasValue("Acme Support\n+49 30 1234");
  }

  @Test
  void shouldSendCcBccAndAttachmentsAsMimeAndKeepThemWithTheMessage() throws Exception {
    String customer = customer();
    UUID conversation = conversationFrom(customer);
    String ccDomain = "cc-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    String bccDomain = "bcc-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    byte[] pdf = "%PDF-1.4 invoice".getBytes(StandardCharsets.US_ASCII);
    Replies.Options options = new Replies.Options(ReplyVia.DEFAULT,
        copyAddresses.parse("cc", "Lena@" + ccDomain), copyAddresses.parse("bcc", "audit@" + bccDomain), null, false,
        List.of(new OutgoingMail.Attachment("Rechnung März.pdf", "application/pdf", pdf)));

    Replies.Replied replied = sender.send(conversation, dana, "The invoice is attached.", options, Duration.ZERO)
        .replied();

    MimeMessage toCustomer = StaffMailbox.await(customer, 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> StaffMailbox.inboxOf("lena@" + ccDomain).size() == 1
        && StaffMailbox.inboxOf("audit@" + bccDomain).size() == 1);
    assertThat(toCustomer.getRecipients(RecipientType.CC)).extracting(Object::toString)
        .containsExactly("lena@" + ccDomain);
    assertThat(toCustomer.getHeader("Bcc")).as("a blind copy is written nowhere").isNull();
    assertThat(new String(toCustomer.getRawInputStream().readAllBytes(), StandardCharsets.US_ASCII))
        .doesNotContain(bccDomain);
    List<String> filenames = new ArrayList<>();
    Multipart mixed = (Multipart) toCustomer.getContent();
    for (int i = 0; i < mixed.getCount(); i++) {
      if (Part.ATTACHMENT.equalsIgnoreCase(mixed.getBodyPart(i).getDisposition())) {
        filenames.add(jakarta.mail.internet.MimeUtility.decodeText(mixed.getBodyPart(i).getFileName()));
        assertThat(mixed.getBodyPart(i).getInputStream().readAllBytes()).isEqualTo(pdf);
      }
    }
    assertThat(filenames).containsExactly("Rechnung März.pdf");
    assertThat(jdbc.sql("SELECT filename FROM mail_upload WHERE message_id = :m").param("m", replied.message().id())
        .query(String.class).list()).containsExactly("Rechnung März.pdf");
    assertThat(jdbc.sql("SELECT bcc FROM compose_reply_copies WHERE message_id = :m")
        .param("m", replied.message().id()).query(String.class).single()).isEqualTo("audit@" + bccDomain);
  }

  @Test
  void shouldRefuseBadCopiesAndTooManyFilesAndHoldNothing() {
    UUID conversation = conversationFrom(customer());

    assertThatThrownBy(() -> copyAddresses.parse("cc", "lena@ok.test, not-an-address"))
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.getMessage()).contains("not-an-address");
        });
    List<OutgoingMail.Attachment> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(new OutgoingMail.Attachment("f" + i + ".txt", "text/plain", new byte[] {1}));
    }
    assertThatThrownBy(() -> sender.send(conversation, dana, "Files.", Replies.Options.DEFAULT
        .withAttachments(eleven), Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("too-many-attachments"));
    assertThatThrownBy(() -> sender.send(conversation, dana, " ", Replies.Options.DEFAULT, Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("empty-text"));
    assertThat(held.heldIn(conversation)).isEmpty();
    assertThat(replies(conversation)).isZero();
  }

  @Test
  void shouldKeepADraftPerAgentAndConversation() {
    UUID conversation = conversationFrom(customer());
    Actor bo = Actor.agent(UUID.randomUUID(), "Bo");

    drafts.save(dana.id(), conversation, "Dear Siobhán,", List.of("lena@ok.test"), List.of());
    drafts.save(bo.id(), conversation, "Hi", List.of(), List.of());
    drafts.save(dana.id(), conversation, "Dear Siobhán, thanks", List.of(), List.of());

    assertThat(drafts.find(dana.id(), conversation).orElseThrow().text()).isEqualTo("Dear Siobhán, thanks");
    assertThat(drafts.find(bo.id(), conversation).orElseThrow().text()).isEqualTo("Hi");
    assertThatThrownBy(() -> drafts.save(dana.id(), conversation, "x".repeat(Drafts.MAX_TEXT + 1), null, null))
        .isInstanceOf(ProblemException.class);
    assertThat(drafts.find(dana.id(), conversation).orElseThrow().text()).isEqualTo("Dear Siobhán, thanks");
    drafts.save(bo.id(), conversation, "", List.of(), List.of());
    assertThat(drafts.find(bo.id(), conversation)).isEmpty();
  }

  @Test
  void shouldUseTheAgentsOwnUndoWindow() {
    UUID conversation = conversationFrom(customer());
    assertThatThrownBy(() -> preferences.chooseUndoWindow(dana.id(), 61))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("invalid-undo-window"));
    assertThat(preferences.undoWindow(dana.id())).as("the setting (tests: 0 s)").isEqualTo(Duration.ZERO);

    preferences.chooseUndoWindow(dana.id(), 20);
    HeldReply h = sender.send(conversation, dana, "Held by my window.", Replies.Options.DEFAULT).held();

    assertThat(Duration.between(h.createdAt(), h.sendAt())).isEqualTo(Duration.ofSeconds(20));
    held.undo(h.id(), dana);
  }

  @Test
  void shouldHoldAndUndoThroughTheApi() throws Exception {
    JsonApi api = new JsonApi(port, tokens.issue("care-" + UUID.randomUUID(), Role.ADMIN, null).secret());
    String customer = customer();
    UUID conversation = conversationFrom(customer);

    JsonApi.Answer heldAnswer = api.post("/api/v1/conversations/" + conversation + "/replies",
        Map.of("text", "Hold this one.", "undoSeconds", 30, "cc", List.of("lena@ok.test"), "thenStatus", "solved"));
    assertThat(heldAnswer.status()).as(heldAnswer.raw()).isEqualTo(202);
    assertThat(heldAnswer.body().path("state").asString()).isEqualTo("held");
    String undo = heldAnswer.body().path("undo").asString();
    JsonApi.Answer looked = api.get(undo.replace("/undo", ""));
    assertThat(looked.body().path("state").asString()).isEqualTo("held");

    JsonApi.Answer undone = api.post(undo, Map.of());
    assertThat(undone.status()).as(undone.raw()).isEqualTo(200);
    assertThat(undone.body().path("state").asString()).isEqualTo("undone");
    assertThat(undone.body().path("text").asString()).isEqualTo("Hold this one.");
    assertThat(replies(conversation)).isZero();

    JsonApi.Answer bad = api.post("/api/v1/conversations/" + conversation + "/replies",
        Map.of("text", "Copies.", "undoSeconds", 61));
    assertThat(bad.status()).isEqualTo(422);
    JsonApi.Answer badCc = api.post("/api/v1/conversations/" + conversation + "/replies",
        Map.of("text", "Copies.", "bcc", List.of("nobody")));
    assertThat(badCc.status()).as(badCc.raw()).isEqualTo(422);
    assertThat(badCc.body().path("code").asString()).isEqualTo("invalid-bcc");

    JsonApi.Answer quick = api.post("/api/v1/conversations/" + conversation + "/replies",
        Map.of("text", "Held a second.", "undoSeconds", 1, "attachments", List.of(Map.of("filename", "a.txt",
            "contentType", "text/plain", "content", Base64.getEncoder().encodeToString("hello".getBytes())))));
    assertThat(quick.status()).as(quick.raw()).isEqualTo(202);
    String quickUndo = quick.body().path("undo").asString();
    await().atMost(Duration.ofSeconds(20))
        .until(() -> "released".equals(api.get(quickUndo.replace("/undo", "")).body().path("state").asString()));
    JsonApi.Answer late = api.post(quickUndo, Map.of());
    assertThat(late.status()).as(late.raw()).isEqualTo(409);
    assertThat(late.body().path("code").asString()).isEqualTo("too-late");
    assertThat(textOf(StaffMailbox.await(customer, 1))).contains("Held a second.");

    JsonApi.Answer now = api.post("/api/v1/conversations/" + conversation + "/replies", Map.of("text", "At once."));
    assertThat(now.status()).as(now.raw()).isEqualTo(201);
    assertThat(now.body().path("delivery").path("state").asString()).isIn("queued", "sending", "sent");
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The first text/plain part, however deep. */
  private static String textOf(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return part.getContent().toString();
    }
    if (part.getContent() instanceof Multipart parts) {
      for (int i = 0; i < parts.getCount(); i++) {
        String text = textOf(parts.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  private long replies(UUID conversation) {
    return jdbc.sql("SELECT COUNT(*) FROM conv_message WHERE conversation_id = :c AND direction = 'OUTBOUND'")
        .param("c", conversation).query(Long.class).single();
  }

  private long outboxRows(UUID conversation) {
    return jdbc.sql("SELECT COUNT(*) FROM delivery_outbox WHERE conversation_id = :c").param("c", conversation)
        .query(Long.class).single();
  }

  private static String customer() {
    return "care-" + UUID.randomUUID().toString().substring(0, 12) + "@customer.test";
  }

  private UUID conversationFrom(String sender) {
    String messageId = UUID.randomUUID() + "@customer.test";
    intake.submit(new MessageSubmission("email", sender, null, null, null, "My refund", "Where is my refund?",
        messageId, null, null));
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
        "SELECT COUNT(*) FROM conv_message WHERE external_id = :id").param("id", messageId).query(Long.class)
        .single() > 0);
    return jdbc.sql("SELECT conversation_id FROM conv_message WHERE external_id = :id").param("id", messageId)
        .query(UUID.class).single();
  }
}
