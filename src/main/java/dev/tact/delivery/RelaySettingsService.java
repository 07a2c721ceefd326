package dev.tact.delivery;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.conversation.ConversationProperties;
import dev.tact.delivery.dkim.DkimSigner;
import dev.tact.mail.MailAddress;
import dev.tact.mail.OutgoingMail;
import dev.tact.mail.OutgoingMailWriter;
import dev.tact.mail.TextToHtml;
import dev.tact.shared.ControlCharacters;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import dev.tact.shared.RefreshingValue;
import dev.tact.shared.secrets.SecretBox;
import dev.tact.shared.secrets.SecretUnreadableException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMTP relay and the From of Tact's mail: what an admin saved (row {@code relay} of {@code delivery_settings},
 * the password encrypted with the installation's key), else the configuration ({@code tact.delivery.smtp.*},
 * {@code from-address}, {@code from-name}). The connect timeout and {@code ssl-trust} always come from the
 * configuration. Every node reads a saved change within {@code tact.delivery.settings-refresh}, the saving node at
 * once; dispatchers take a new relay at their next connection. Every change is audited, the password only as
 * "changed".
 */
@Service
public class RelaySettingsService {

  private static final Logger log = LoggerFactory.getLogger(RelaySettingsService.class);
  static final String ROW = "relay";
  private static final int MAX_HOST = 253;
  private static final int MAX_USERNAME = 320;
  private static final int MAX_PASSWORD = 1000;
  private static final int MAX_FROM_NAME = 200;
  private static final Pattern HOST_NAME =
      Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
  private static final Pattern IPV6 = Pattern.compile("\\[?[0-9a-f:.]+]?");

  /** The relay as dispatchers use it: the connection settings (password included) and the From. */
  record Relay(DeliveryProperties.Smtp smtp, String fromAddress, String fromName) {

    boolean configured() {
      return smtp.configured();
    }

    MailAddress from() {
      return new MailAddress(fromAddress, fromName == null || fromName.isBlank() ? null : fromName);
    }

    String describe() {
      return smtp.host() + ":" + smtp.port();
    }
  }

  /** The row's JSON: everything but the password. */
  record StoredRelay(String host, int port, String security, String username, String fromAddress,
      String fromName) {}

  private record Loaded(RelaySettings settings, Relay relay, String cipher) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final SecretBox secrets;
  private final DeliveryProperties properties;
  private final ConversationProperties conversations;
  private final ObjectProvider<DkimSigner> dkim;
  private final AuditLog audit;
  private final Clock clock;
  private final DispatchSignal signal;
  private final RefreshingValue<Loaded> current;

  RelaySettingsService(JdbcClient jdbc, JsonMapper json, SecretBox secrets, DeliveryProperties properties,
      ConversationProperties conversations, ObjectProvider<DkimSigner> dkim, AuditLog audit, Clock clock,
      DispatchSignal signal) {
    this.jdbc = jdbc;
    this.json = json;
    this.secrets = secrets;
    this.properties = properties;
    this.conversations = conversations;
    this.dkim = dkim;
    this.audit = audit;
    this.clock = clock;
    this.signal = signal;
    this.current = new RefreshingValue<>(this::load, properties.settingsRefresh());
  }

  /** The relay and From in force, without the password. */
  public RelaySettings settings() {
    return current.get().settings();
  }

  /** Whether a relay is configured: without one, mail is queued but not sent. */
  public boolean configured() {
    return current.get().relay().configured();
  }

  Relay relay() {
    return current.get().relay();
  }

  /**
   * Saves the relay and From for every node. A host that is no host name, a port outside 1–65535, an unknown TLS
   * mode, a From that is no address, or a value with a line break is a 422; nothing is changed then.
   */
  @Transactional
  public RelaySettings update(RelaySettings.Change change, String by) {
    if (change == null) {
      throw invalid("invalid-relay-settings", "Send host, port, security, username, password, fromAddress and "
          + "fromName.");
    }
    Loaded before = load();
    DeliveryProperties.Security security = security(change.security());
    String host = host(change.host());
    int port = port(change.port(), security);
    String username = singleLine(change.username(), MAX_USERNAME, "invalid-relay-username", "The user name");
    String fromAddress = fromAddress(change.fromAddress());
    String fromName = singleLine(change.fromName(), MAX_FROM_NAME, "invalid-from-name", "The From name");
    String typed = change.password() == null || change.password().isEmpty() ? null : change.password();
    if (typed != null && (typed.length() > MAX_PASSWORD || ControlCharacters.firstIn(typed) >= 0)) {
      throw invalid("invalid-relay-password", "The password is one line of at most " + MAX_PASSWORD
          + " characters.");
    }
    if (typed != null && username.isEmpty()) {
      throw invalid("invalid-relay-password", "A password needs a user name: the relay is logged in to only with "
          + "both.");
    }
    String cipher;
    String passwordChange;
    if (username.isEmpty() || Boolean.TRUE.equals(change.removePassword())) {
      cipher = null;
      passwordChange = before.settings().passwordSet() ? "removed" : "none";
    } else if (typed != null) {
      cipher = secrets.encrypt(typed);
      passwordChange = "changed";
    } else {
      cipher = keptCipher(before);
      passwordChange = cipher == null ? "none" : "set";
    }
    String stored = json.writeValueAsString(new StoredRelay(host, port, security.name(), username, fromAddress,
        fromName));
    upsert(stored, cipher, by);
    current.forgetAfterCommit();
    signal.afterCommit(); // idle dispatchers look at the new relay at once
    Loaded after = load();
    Map<String, Object> afterAudited = audited(after.settings());
    afterAudited.put("password", passwordChange);
    audit.record(AuditRecord.of("delivery.relay.changed", "delivery-settings", ROW, (host.isEmpty()
        ? "No SMTP relay: mail is queued but not sent" : "Mail is sent through " + host + ":" + port + " ("
        + security + (username.isEmpty() ? "" : ", login " + username) + ")") + ", from " + fromAddress
        + ("changed".equals(passwordChange) ? "; password changed" : ""))
        .change(audited(before.settings()), afterAudited));
    return after.settings();
  }

  /** Forgets what admins saved: the configured relay and From hold again. */
  @Transactional
  public RelaySettings reset(String by) {
    Loaded before = load();
    jdbc.sql("DELETE FROM delivery_settings WHERE name = :name").param("name", ROW).update();
    current.forgetAfterCommit();
    signal.afterCommit();
    Loaded after = load();
    if (before.settings().stored()) {
      audit.record(AuditRecord.of("delivery.relay.reset", "delivery-settings", ROW, "The SMTP relay and From follow "
          + "the configuration again (tact.delivery.smtp.*), reset by " + by)
          .change(audited(before.settings()), audited(after.settings())));
    }
    return after.settings();
  }

  /**
   * Sends a short mail through the relay in force, now and on this node, and tells what the relay answered. Not
   * an address: 422; no relay: 409. The attempt is audited on its own.
   */
  public RelaySettings.TestMail sendTestMail(String to, String by) {
    String recipient = address(to, "invalid-test-recipient", "The test mail's recipient");
    Relay relay = load().relay();
    if (!relay.configured()) {
      throw ProblemException.conflict("no-relay", "No SMTP relay is configured: save a host first.");
    }
    String messageId = "tact.test." + Ids.newId() + "@" + conversations.messageIdDomain();
    String text = "This is a test mail " + (by == null ? "" : "asked for by " + by + " ")
        + "on Admin → Sending mail, sent through " + relay.describe() + ".\n\nIf it reached you, Tact can send "
        + "mail through this relay.";
    byte[] content = OutgoingMailWriter.write(new OutgoingMail(relay.from(), List.of(new MailAddress(recipient,
        null)), "Test mail from Tact", text, TextToHtml.render(text), messageId, null, List.of(), 0, true,
        clock.instant()));
    DkimSigner signer = dkim.getIfAvailable();
    byte[] bytes = signer == null ? content : signer.sign(content);
    SendOutcome outcome;
    String reply;
    try (SmtpConnection smtp = new SmtpConnection(relay.smtp(), relay.fromAddress())) {
      outcome = smtp.send(bytes, relay.fromAddress(), recipient);
      reply = smtp.lastReply();
    }
    RelaySettings.TestMail result = new RelaySettings.TestMail(recipient, relay.describe(),
        outcome.kind() == SendOutcome.Kind.SENT, outcome.kind() == SendOutcome.Kind.SENT ? code(reply)
        : outcome.replyCode(), inWords(outcome, reply, relay, recipient));
    audit.recordAlone(AuditRecord.of("delivery.relay.test-mail", "delivery-settings", ROW, result.answer()));
    return result;
  }

  private static String inWords(SendOutcome outcome, String reply, Relay relay, String recipient) {
    return switch (outcome.kind()) {
      case SENT -> "The relay " + relay.describe() + " accepted the test mail for " + recipient
          + (reply == null || reply.isBlank() ? "." : ", answering \"" + reply + "\".");
      case PERMANENT -> "The relay " + relay.describe() + " refused the test mail for " + recipient
          + (outcome.replyCode() == null ? "" : " with " + outcome.replyCode()) + ": " + outcome.detail();
      case TRANSIENT -> outcome.replyCode() == null
          ? "The test mail could not be handed to " + relay.describe() + ": " + outcome.detail()
          : "The relay " + relay.describe() + " did not take the test mail for now (" + outcome.replyCode()
              + ", try again later): " + outcome.detail();
    };
  }

  private static Integer code(String reply) {
    if (reply == null || reply.length() < 3) {
      return 250;
    }
    try {
      return Integer.parseInt(reply.substring(0, 3));
    } catch (NumberFormatException e) {
      return 250;
    }
  }

  /** The password an update without a new one keeps: the saved one, or the configured one until then. */
  private String keptCipher(Loaded before) {
    if (before.settings().stored()) {
      return before.cipher();
    }
    String configured = properties.smtp().password();
    return configured == null || configured.isEmpty() ? null : secrets.encrypt(configured);
  }

  private void upsert(String settings, String cipher, String by) {
    Map<String, Object> params = Map.of("name", ROW, "settings", settings, "by", by == null ? "unknown" : by,
        "at", utc(clock.instant()));
    int updated = jdbc.sql("""
        UPDATE delivery_settings SET settings = :settings, secret = :secret, version = version + 1,
          updated_by = :by, updated_at = :at WHERE name = :name""").params(params).param("secret", cipher)
        .update();
    if (updated == 0) {
      jdbc.sql("""
          INSERT INTO delivery_settings (name, settings, secret, version, updated_by, updated_at)
          VALUES (:name, :settings, :secret, 1, :by, :at)""").params(params).param("secret", cipher).update();
    }
  }

  private Loaded load() {
    DeliveryProperties.Smtp configured = properties.smtp();
    Optional<Loaded> saved = jdbc.sql("""
        SELECT settings, secret, updated_by, updated_at FROM delivery_settings WHERE name = :name""")
        .param("name", ROW)
        .query((rs, n) -> {
          StoredRelay s = json.readValue(rs.getString("settings"), StoredRelay.class);
          String cipher = rs.getString("secret");
          DeliveryProperties.Security security = DeliveryProperties.Security.valueOf(s.security());
          DeliveryProperties.Smtp smtp = new DeliveryProperties.Smtp(s.host(), s.port(), security, s.username(),
              cipher == null ? "" : decrypt(cipher), configured.timeout(), configured.sslTrust());
          RelaySettings settings = new RelaySettings(s.host(), s.port(), security, s.username(), cipher != null,
              s.fromAddress(), s.fromName(), true, rs.getString("updated_by"), instant(rs, "updated_at"));
          return new Loaded(settings, new Relay(smtp, s.fromAddress(), s.fromName()), cipher);
        }).optional();
    return saved.orElseGet(() -> new Loaded(new RelaySettings(configured.host(), configured.port(),
        configured.security(), configured.username(), !configured.password().isEmpty(), properties.fromAddress(),
        properties.fromName(), false, null, null), new Relay(configured, properties.fromAddress(),
        properties.fromName()), null));
  }

  private String decrypt(String cipher) {
    try {
      return secrets.decrypt(cipher);
    } catch (SecretUnreadableException e) {
      log.error("The saved SMTP relay password cannot be read: {} Save it again on Admin → Sending mail.",
          e.getMessage());
      return "";
    }
  }

  private static Map<String, Object> audited(RelaySettings s) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("host", s.host());
    shown.put("port", s.port());
    shown.put("security", s.security().name());
    shown.put("username", s.username());
    shown.put("password", s.passwordSet() ? "set" : "none");
    shown.put("fromAddress", s.fromAddress());
    shown.put("fromName", s.fromName());
    shown.put("source", s.stored() ? "saved by an admin" : "configuration");
    return shown;
  }

  static DeliveryProperties.Security security(String value) {
    if (value == null || value.isBlank()) {
      return DeliveryProperties.Security.STARTTLS;
    }
    String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    try {
      return DeliveryProperties.Security.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw invalid("invalid-relay-security", "Unknown TLS mode '" + value + "': use NONE, STARTTLS (when the "
          + "relay offers it), STARTTLS_REQUIRED or SMTPS.");
    }
  }

  private static String host(String value) {
    String host = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty()) {
      return "";
    }
    boolean ipv6 = host.contains(":") && IPV6.matcher(host).matches();
    if (host.length() > MAX_HOST || !(ipv6 || HOST_NAME.matcher(host).matches())) {
      throw invalid("invalid-relay-host", "'" + value.strip() + "' is not a host name such as smtp.example.com "
          + "or an IP address.");
    }
    return host;
  }

  private static int port(Integer port, DeliveryProperties.Security security) {
    if (port == null) {
      return security == DeliveryProperties.Security.SMTPS ? 465 : 587;
    }
    if (port < 1 || port > 65535) {
      throw invalid("invalid-relay-port", "The port must be between 1 and 65535, not " + port + ".");
    }
    return port;
  }

  private static String fromAddress(String value) {
    return address(value, "invalid-from-address", "The From address");
  }

  private static String address(String value, String code, String what) {
    String address = value == null ? "" : value.strip();
    if (address.isEmpty()) {
      throw invalid(code, what + " is required, e.g. support@example.com.");
    }
    if (address.length() > 320 || ControlCharacters.firstIn(address) >= 0) {
      throw invalid(code, what + " '" + address + "' is not an email address.");
    }
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      parsed.validate();
      String domain = address.substring(address.lastIndexOf('@') + 1);
      if (!parsed.getAddress().equals(address) || !address.contains("@") || !domain.contains(".")) {
        throw new AddressException("not a bare address with a domain");
      }
    } catch (AddressException e) {
      throw invalid(code, what + " '" + address + "' is not an email address such as support@example.com.");
    }
    return address;
  }

  private static String singleLine(String value, int max, String code, String what) {
    String text = value == null ? "" : value.strip();
    if (text.length() > max || ControlCharacters.firstIn(text) >= 0) {
      throw invalid(code, what + " is one line of at most " + max + " characters.");
    }
    return text;
  }

  private static ProblemException invalid(String code, String detail) {
    return ProblemException.invalid(code, detail);
  }
}
