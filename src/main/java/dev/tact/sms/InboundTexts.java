package dev.tact.sms;

import dev.tact.delivery.Outbox;
import dev.tact.intake.Acknowledgement;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.shared.Channel;
import dev.tact.shared.HookSignature;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Texts and social messages coming in: checks the sender's signature first (nothing is stored for a request that
 * fails it), then hands the message to intake, which acknowledges once it is committed to the inbound log.
 */
@Service
public class InboundTexts {

  /** What an adapter posts to the generic webhook. Only {@code from} and a text (or subject) are required. */
  public record HookMessage(String from, String name, String subject, String text, String id, String thread,
      String conversation) {}

  private final MessageIntake intake;
  private final SmsProperties properties;
  private final JsonMapper json;
  private final Clock clock;
  private final Outbox outbox;

  InboundTexts(MessageIntake intake, SmsProperties properties, JsonMapper json, Clock clock, Outbox outbox) {
    this.intake = intake;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
    this.outbox = outbox;
  }

  /**
   * A message posted to the generic webhook of {@code channel}, signed with that channel's secret. Unknown or
   * disabled channel: 404; bad signature: 401; malformed: 400; anything intake refuses: its problem.
   */
  public Acknowledgement hook(String channelName, byte[] body, String signature) {
    Channel channel = hookChannel(channelName);
    String secret = properties.webhook().secret(channel.id()).orElseThrow(() -> new ProblemException(404,
        "webhook-not-enabled", "Webhook not enabled", "No inbound webhook is configured for the " + channel.id()
            + " channel (tact.sms.webhook.secrets." + channel.id() + ")."));
    if (body == null || body.length > properties.webhook().maxBytes()) {
      throw new ProblemException(413, "request-too-large", "Request too large",
          "The body is larger than " + properties.webhook().maxBytes() + " bytes.");
    }
    String problem = HookSignature.problem(secret, signature, body, clock.instant(), properties.webhook().tolerance());
    if (problem != null) {
      throw new ProblemException(401, "bad-signature", "Bad signature", problem + " Nothing was stored.");
    }
    HookMessage message;
    try {
      message = json.readValue(body, HookMessage.class);
    } catch (JacksonException e) {
      throw new ProblemException(400, "malformed-request", "Malformed request",
          "The body is not a valid message JSON: " + e.getOriginalMessage());
    }
    if (message == null || message.from() == null || message.from().isBlank()) {
      throw ProblemException.invalid("missing-sender", "from is required: a phone number or a handle.");
    }
    return intake.submit(new MessageSubmission(channel.id(), message.from(), message.name(), null, null,
        message.subject(), message.text(), message.id(), message.thread(), message.conversation()));
  }

  private static Channel hookChannel(String name) {
    Channel channel;
    try {
      channel = Channel.parse(name);
    } catch (ProblemException unknown) {
      throw new ProblemException(404, "webhook-not-enabled", "Webhook not enabled", unknown.getMessage());
    }
    if (channel == Channel.EMAIL) {
      throw new ProblemException(404, "webhook-not-enabled", "Webhook not enabled",
          "Email arrives by IMAP, SMTP/LMTP or the API, not by this webhook.");
    }
    return channel;
  }

  /**
   * An SMS Twilio posts ({@code From}, {@code To}, {@code Body}, {@code MessageSid}, {@code NumMedia}, {@code
   * MediaUrl0}...), signed for {@code url}, the address Twilio called. The MessageSid is the message's external id:
   * Twilio's redelivery of it is one message. Texts between the same two numbers share one thread.
   */
  public Acknowledgement twilioSms(String url, Map<String, List<String>> params, String signature) {
    verifyTwilio(url, params, signature);
    String from = first(params, "From").orElseThrow(() -> ProblemException.invalid("missing-sender",
        "From is required."));
    String sid = first(params, "MessageSid").or(() -> first(params, "SmsSid")).orElseThrow(() ->
        ProblemException.invalid("missing-message-sid", "MessageSid is required."));
    String to = first(params, "To").orElse("");
    StringBuilder text = new StringBuilder(first(params, "Body").orElse(""));
    int media = first(params, "NumMedia").map(InboundTexts::count).orElse(0);
    for (int i = 0; i < Math.min(media, 10); i++) {
      Optional<String> mediaUrl = first(params, "MediaUrl" + i);
      if (mediaUrl.isPresent()) {
        text.append(text.isEmpty() ? "" : "\n").append("[attachment: ").append(mediaUrl.get())
            .append(first(params, "MediaContentType" + i).map(type -> " (" + type + ")").orElse("")).append(']');
      }
    }
    String body = text.isEmpty() ? "(an empty text)" : text.toString();
    return intake.submit(new MessageSubmission(Channel.SMS.id(), from, null, null, null, null, body, sid,
        "twilio:" + to + ":" + from, null));
  }

  /**
   * Twilio's status callback for a message we sent: {@code delivered}, or {@code failed}/{@code undelivered} with
   * its {@code ErrorCode}, reach the outbox row; other statuses (queued, sent) change nothing. Answers whether a row
   * was found.
   */
  public boolean twilioStatus(String url, Map<String, List<String>> params, String signature) {
    verifyTwilio(url, params, signature);
    String sid = first(params, "MessageSid").orElse(null);
    String status = first(params, "MessageStatus").orElse("");
    return switch (status) {
      case "delivered" -> outbox.providerStatus(sid, true, "Twilio: delivered");
      case "failed", "undelivered" -> outbox.providerStatus(sid, false, "Twilio: " + status
          + first(params, "ErrorCode").map(code -> " (error " + code + ")").orElse(""));
      default -> false;
    };
  }

  /** The URL Twilio signed: the configured public base URL with the request's path and query, else the request's. */
  public String twilioUrl(String requestUrl, String pathAndQuery) {
    String base = properties.twilio().publicBaseUrl();
    return base.isEmpty() ? requestUrl : base + pathAndQuery;
  }

  private void verifyTwilio(String url, Map<String, List<String>> params, String signature) {
    if (!properties.twilio().receiving()) {
      throw new ProblemException(404, "twilio-not-configured", "Twilio not configured",
          "Twilio's webhooks are not enabled: set tact.sms.twilio.auth-token.");
    }
    if (!TwilioSignature.verify(properties.twilio().authToken(), url, params, signature)) {
      throw new ProblemException(401, "bad-signature", "Bad signature", "The " + TwilioSignature.HEADER
          + " header does not sign this request for " + url + ". Nothing was stored.");
    }
  }

  private static Optional<String> first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() || values.getFirst() == null || values.getFirst().isBlank()
        ? Optional.empty() : Optional.of(values.getFirst().strip());
  }

  private static int count(String value) {
    try {
      return Math.max(0, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
