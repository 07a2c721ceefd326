package dev.tact.delivery;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Tact sends.
 *
 * @param enabled whether this node runs dispatchers (rows are queued either way)
 * @param nodeId this node's name in leases and the attempt log; blank: host name and process id
 * @param threads dispatcher threads on this node, each with its own SMTP connection
 * @param batch rows one thread claims at a time: a crash can repeat at most {@code threads × batch} sends
 * @param lease how long a claim holds; a row whose lease ran out (its node died) is due again
 * @param pollInterval how long an idle dispatcher waits before looking again (new rows wake it at once)
 * @param maxAttempts sends tried before a row fails for good (4xx replies and connection errors)
 * @param retryBase the wait after the first failed attempt; doubled for each further one, with ±20 % jitter
 * @param retryMax the longest wait between attempts
 * @param hardBouncesUntilUndeliverable hard bounces after which an address gets no more mail
 * @param fromAddress the From address of Tact's mail (and the SMTP envelope sender)
 * @param fromName the From display name
 * @param smtp the SMTP relay
 * @param adapters the SMS and social adapters replies on those channels are POSTed to, by channel
 *     ({@code sms}, {@code social}); a channel without one gets no outbound messages
 * @param keepSentContent how long the bytes of a sent message are kept; after that only its row (state, recipient,
 *     Message-ID, attempts) stays, and a late bounce of it can no longer be retried
 * @param settingsRefresh how soon a node notices the relay or pacing settings an admin saved on another node
 */
@ConfigurationProperties("tact.delivery")
public record DeliveryProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") String nodeId,
    @DefaultValue("4") int threads, @DefaultValue("20") int batch, @DefaultValue("PT2M") Duration lease,
    @DefaultValue("PT1S") Duration pollInterval, @DefaultValue("8") int maxAttempts,
    @DefaultValue("PT30S") Duration retryBase, @DefaultValue("PT2H") Duration retryMax,
    @DefaultValue("3") int hardBouncesUntilUndeliverable, @DefaultValue("support@tact.localhost") String fromAddress,
    @DefaultValue("Support") String fromName, @DefaultValue Smtp smtp, Map<String, Adapter> adapters,
    @DefaultValue("30d") Duration keepSentContent, @DefaultValue("10s") Duration settingsRefresh) {

  public DeliveryProperties {
    threads = Math.max(1, threads);
    batch = Math.max(1, batch);
    maxAttempts = Math.max(1, maxAttempts);
    hardBouncesUntilUndeliverable = Math.max(1, hardBouncesUntilUndeliverable);
    if (keepSentContent == null || keepSentContent.isNegative() || keepSentContent.isZero()) {
      throw new IllegalArgumentException("tact.delivery.keep-sent-content must be positive, not " + keepSentContent);
    }
    if (settingsRefresh == null || settingsRefresh.isNegative()) {
      throw new IllegalArgumentException("tact.delivery.settings-refresh must not be negative, not " + settingsRefresh);
    }
    Map<String, Adapter> byChannel = new java.util.HashMap<>();
    (adapters == null ? Map.<String, Adapter>of() : adapters).forEach((channel, adapter) ->
        byChannel.put(channel.strip().toUpperCase(java.util.Locale.ROOT), adapter));
    adapters = Map.copyOf(byChannel);
  }

  /** The adapter for a channel ({@code SMS}, {@code SOCIAL}), if one is configured. */
  public java.util.Optional<Adapter> adapter(String channel) {
    return java.util.Optional.ofNullable(adapters.get(channel.toUpperCase(java.util.Locale.ROOT)))
        .filter(a -> a.url() != null && !a.url().isBlank());
  }

  /** An SMS or social adapter: where replies are POSTed, and the secret they are signed with. */
  public record Adapter(String url, String secret) {}

  /**
   * The SMTP relay. A blank host means no relay is configured: mail is queued but not sent. Admins may save
   * another relay on Admin → Sending mail, which then holds instead ({@link RelaySettingsService}).
   *
   * @param security NONE, STARTTLS (when offered), STARTTLS_REQUIRED, or SMTPS (TLS from the first byte)
   * @param timeout connect, read and write timeout
   * @param sslTrust hosts (space-separated, {@code *} for all) whose certificate is trusted without checking,
   *     host name included, as for {@code tact.intake.imap.ssl-trust}; empty: every certificate is verified
   */
  public record Smtp(@DefaultValue("") String host, @DefaultValue("25") int port,
      @DefaultValue("STARTTLS") Security security, @DefaultValue("") String username,
      @DefaultValue("") String password, @DefaultValue("PT30S") Duration timeout, @DefaultValue("") String sslTrust) {

    public Smtp {
      sslTrust = sslTrust == null ? "" : sslTrust.strip();
    }

    public boolean configured() {
      return host != null && !host.isBlank();
    }
  }

  public enum Security {
    NONE,
    STARTTLS,
    STARTTLS_REQUIRED,
    SMTPS
  }
}
