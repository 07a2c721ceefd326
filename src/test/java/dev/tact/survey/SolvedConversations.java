package dev.tact.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.testsupport.JsonApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test help: an email conversation from a new customer, solved through the API, and its survey's link token. */
public final class SolvedConversations {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Pattern LINK = Pattern.compile("/survey/([A-Za-z0-9_-]{43})");

  private final ApplicationContext context;
  private final JsonApi admin;

  public SolvedConversations(ApplicationContext context, JsonApi admin) {
    this.context = context;
    this.admin = admin;
  }

  /** Waits for the conversation a customer's first message with this subject opened. */
  public ConversationSummary emailed(String sender, String subject) {
    context.getBean(MessageIntake.class).submit(new MessageSubmission("email", sender, "A Customer", null, null,
        subject, "Hello, " + subject, "ext-" + UUID.randomUUID(), null, null));
    return await().atMost(PATIENCE).until(() -> context.getBean(ContactManagement.class)
        .findByIdentity(context.getBean(IdentityParser.class).parse(sender))
        .flatMap(contact -> context.getBean(ConversationManagement.class).ofContact(contact.id()).stream()
            .filter(c -> subject.equals(c.subject())).findFirst()).orElse(null), c -> c != null);
  }

  /** Solves the conversation through the API and waits for the survey decision it causes. */
  public Survey solve(ConversationSummary c) {
    JsonApi.Answer solved = admin.put("/api/v1/conversations/" + c.number() + "/status", Map.of("status", "solved"));
    assertThat(solved.status()).as(solved.raw()).isEqualTo(200);
    return await().atMost(PATIENCE).until(() -> latest(c.id()), s -> s != null);
  }

  public Survey latest(UUID conversationId) {
    return context.getBean(Surveys.class).ofConversation(conversationId).stream().findFirst().orElse(null);
  }

  /** The token in the link of an emailed survey, read from the outbox. */
  public String tokenInOutbox(UUID surveyId) {
    byte[] content = context.getBean(JdbcClient.class).sql("SELECT content FROM delivery_outbox "
        + "WHERE idempotency_key = :k").param("k", "survey:" + surveyId).query(byte[].class).single();
    return tokenIn(new String(content, StandardCharsets.UTF_8).replace("=\r\n", ""));
  }

  /** The token of the first survey link in a text. */
  public static String tokenIn(String text) {
    Matcher link = LINK.matcher(text);
    assertThat(link.find()).as("a survey link in: " + text).isTrue();
    return link.group(1);
  }
}
