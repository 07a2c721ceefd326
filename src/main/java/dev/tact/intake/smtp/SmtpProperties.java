package dev.tact.intake.smtp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP or LMTP listener that lets a mail server hand mail to Tact directly. Off by default;
 * the largest message is {@code tact.intake.max-mail-bytes}.
 *
 * @param enabled whether this node listens
 * @param port TCP port (0: any free port, for tests)
 * @param bindAddress interface to listen on; loopback by default, since the listener has no TLS or AUTH
 * @param protocol SMTP, or LMTP (one reply per recipient after DATA, greeting with LHLO)
 * @param hostname the name this server gives in its greeting; empty: the machine's host name
 * @param maxRecipients recipients accepted per message
 * @param maxConnections connections served at once; more are answered 421 and closed
 * @param idleTimeout how long a client may stay silent before it is disconnected
 * @param stopTimeout how long a stop waits for transactions in progress to finish
 */
@ConfigurationProperties("tact.intake.smtp")
public record SmtpProperties(@DefaultValue("false") boolean enabled, @DefaultValue("2525") int port,
    @DefaultValue("127.0.0.1") String bindAddress, @DefaultValue("SMTP") Protocol protocol,
    @DefaultValue("") String hostname, @DefaultValue("100") int maxRecipients,
    @DefaultValue("100") int maxConnections, @DefaultValue("5m") Duration idleTimeout,
    @DefaultValue("30s") Duration stopTimeout) {

  /** The dialect spoken. */
  public enum Protocol {
    SMTP, LMTP
  }
}
