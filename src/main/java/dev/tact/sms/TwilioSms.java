package dev.tact.sms;

import dev.tact.delivery.ChannelMessage;
import dev.tact.delivery.ChannelSender;
import dev.tact.delivery.SendAttempt;
import dev.tact.shared.Channel;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends SMS replies through Twilio's Messages API ({@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json},
 * form fields To, From, Body, with HTTP basic authentication as SID and auth token), one outbox row per call. Twilio
 * takes no idempotency key, so an attempt after the first asks Twilio's message list first whether a message with
 * this text already went from our number to this one since the row was queued, and answers that one's SID instead
 * of texting twice.
 */
@Component
class TwilioSms implements ChannelSender {

  private static final int ERROR_EXCERPT = 300;

  private final SmsProperties properties;
  private final JsonMapper json;
  private final HttpClient http;

  TwilioSms(SmsProperties properties, JsonMapper json) {
    this.properties = properties;
    this.json = json;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(properties.twilio().connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public String name() {
    return "Twilio";
  }

  @Override
  public boolean configured() {
    return properties.twilio().sending();
  }

  @Override
  public SendAttempt send(ChannelMessage message) {
    SmsProperties.Twilio twilio = properties.twilio();
    if (message.recipient() == null || message.recipient().isBlank()) {
      return SendAttempt.failed(0, false, Optional.empty(), "The contact has no phone number.");
    }
    if (message.attempt() > 1) {
      Optional<SendAttempt> earlier;
      try {
        earlier = alreadySent(twilio, message);
      } catch (IOException e) {
        return SendAttempt.failed(0, true, Optional.empty(),
            "Could not ask Twilio whether an earlier attempt went out: " + e.getMessage());
      }
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("To", message.recipient());
    form.put("From", twilio.fromNumber());
    form.put("Body", message.text());
    if (!twilio.publicBaseUrl().isEmpty()) {
      form.put("StatusCallback", twilio.publicBaseUrl() + "/hooks/twilio/status");
    }
    HttpRequest request = HttpRequest.newBuilder(messagesUri(twilio, ""))
        .timeout(twilio.requestTimeout())
        .header("Authorization", basic(twilio))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return SendAttempt.failed(0, true, Optional.empty(), "Twilio did not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendAttempt.failed(0, true, Optional.empty(), "Interrupted before Twilio answered");
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      String sid = sidOf(response.body());
      return SendAttempt.sent(status, sid);
    }
    boolean retryable = status >= 500 || status == 429 || status == 408;
    Optional<Duration> retryAfter = retryable ? response.headers().firstValue("Retry-After").flatMap(
        SendAttempt::retryAfter) : Optional.empty();
    return SendAttempt.failed(status, retryable, retryAfter, "Twilio answered " + status + ": " + excerpt(response
        .body()));
  }

  /** A message Twilio holds with this text, from our number to this one, created since the row was queued. */
  private Optional<SendAttempt> alreadySent(SmsProperties.Twilio twilio, ChannelMessage message) throws IOException {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("To", message.recipient());
    query.put("From", twilio.fromNumber());
    query.put("DateSent>", message.queuedAt().atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1).toString());
    query.put("PageSize", "100");
    HttpRequest request = HttpRequest.newBuilder(messagesUri(twilio, "?" + encode(query)))
        .timeout(twilio.requestTimeout()).header("Authorization", basic(twilio)).header("Accept", "application/json")
        .GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new IOException("Twilio answered " + response.statusCode() + ": " + excerpt(response.body()));
    }
    JsonNode messages = json.readTree(response.body()).path("messages");
    Instant since = message.queuedAt().minusSeconds(60);
    for (JsonNode m : messages) {
      if (message.text().equals(m.path("body").asString("")) && createdSince(m.path("date_created").asString(""),
          since)) {
        return Optional.of(SendAttempt.sent(200, m.path("sid").asString(null)));
      }
    }
    return Optional.empty();
  }

  private static boolean createdSince(String rfc1123, Instant since) {
    try {
      return !ZonedDateTime.parse(rfc1123, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().isBefore(since);
    } catch (DateTimeParseException unknownDate) {
      return true; // the same text to the same number the same day: better once than twice
    }
  }

  private String sidOf(String body) {
    try {
      String sid = json.readTree(body).path("sid").asString(null);
      return sid == null || sid.isBlank() ? null : sid;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static URI messagesUri(SmsProperties.Twilio twilio, String query) {
    return URI.create(twilio.apiBaseUrl() + "/2010-04-01/Accounts/" + URLEncoder.encode(twilio.accountSid(),
        StandardCharsets.UTF_8) + "/Messages.json" + query);
  }

  private static String basic(SmsProperties.Twilio twilio) {
    return "Basic " + Base64.getEncoder().encodeToString((twilio.accountSid() + ":" + twilio.authToken())
        .getBytes(StandardCharsets.UTF_8));
  }

  static String encode(Map<String, String> form) {
    return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  private static String excerpt(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= ERROR_EXCERPT ? oneLine : oneLine.substring(0, ERROR_EXCERPT) + "…";
  }
}
