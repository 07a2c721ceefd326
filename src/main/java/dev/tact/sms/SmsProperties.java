package dev.tact.sms;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Texts and social messages ({@code tact.sms.*}).
 *
 * @param webhook the generic signed inbound webhook
 * @param twilio the Twilio account SMS go through
 */
@ConfigurationProperties("tact.sms")
public record SmsProperties(@DefaultValue Webhook webhook, @DefaultValue Twilio twilio) {

  /**
   * The generic inbound webhook, {@code POST /hooks/{channel}/messages}.
   *
   * @param secrets the shared secret per channel ({@code sms}, {@code social}, {@code chat}, ...); a channel without
   *     one has no webhook (404)
   * @param tolerance how far the signature's time may be from ours (older requests are replays)
   * @param maxBytes the largest body accepted
   */
  public record Webhook(Map<String, String> secrets, @DefaultValue("5m") Duration tolerance,
      @DefaultValue("65536") int maxBytes) {

    public Webhook {
      secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    }

    /** The secret of a channel, if its webhook is enabled. */
    public Optional<String> secret(String channel) {
      return secrets.entrySet().stream()
          .filter(e -> e.getKey().strip().equalsIgnoreCase(channel.strip().toLowerCase(Locale.ROOT)))
          .map(Map.Entry::getValue).filter(s -> s != null && !s.isBlank()).findFirst();
    }
  }

  /**
   * A Twilio account.
   *
   * @param accountSid the account SID (AC...)
   * @param authToken the auth token: signs Twilio's webhooks and authenticates our API calls
   * @param fromNumber the number replies are sent from (E.164)
   * @param apiBaseUrl where Twilio's REST API is
   * @param publicBaseUrl the address Twilio reaches Tact at (e.g. {@code https://help.example.com}); Twilio signs the
   *     URL it called, which behind a proxy is not the one Tact sees. Blank: the request's own URL. Status callbacks
   *     are asked for only when it is set
   * @param connectTimeout how long to wait for a connection to the API
   * @param requestTimeout how long to wait for the API's whole answer
   */
  public record Twilio(@DefaultValue("") String accountSid, @DefaultValue("") String authToken,
      @DefaultValue("") String fromNumber, @DefaultValue("https://api.twilio.com") String apiBaseUrl,
      @DefaultValue("") String publicBaseUrl, @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("10s") Duration requestTimeout) {

    public Twilio {
      accountSid = accountSid == null ? "" : accountSid.strip();
      authToken = authToken == null ? "" : authToken.strip();
      fromNumber = fromNumber == null ? "" : fromNumber.strip();
      apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://api.twilio.com"
          : apiBaseUrl.strip().replaceAll("/+$", "");
      publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip().replaceAll("/+$", "");
    }

    /** Whether replies can be sent: SID, token and from-number are all set. */
    public boolean sending() {
      return !accountSid.isEmpty() && !authToken.isEmpty() && !fromNumber.isEmpty();
    }

    /** Whether Twilio's webhooks can be verified (the auth token is set). */
    public boolean receiving() {
      return !authToken.isEmpty();
    }
  }
}
