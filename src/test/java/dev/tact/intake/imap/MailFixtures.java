package dev.tact.intake.imap;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Mail for the IMAP tests, put straight into GreenMail's folders, and what Tact's log holds of it. */
final class MailFixtures {

  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\r\\n]+>)");

  private MailFixtures() {}

  static byte[] rawMail(String messageId, String to, String body) {
    // each message from a customer of its own: copies of one text from one sender would be collapsed by noise control
    String text = "From: Customer <" + messageId + ">\r\n"
        + "To: " + to + "\r\n"
        + "Subject: Question " + messageId + "\r\n"
        + "Message-ID: <" + messageId + ">\r\n"
        + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n"
        + "\r\n"
        + body + "\r\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Appends the bytes as they are to the user's folder (created if missing), unflagged. */
  static void append(GreenMail greenMail, GreenMailUser user, String folder, byte[] raw) {
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
      folder(greenMail, user, folder).appendMessage(message, new Flags(), new Date());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static MailFolder folder(GreenMail greenMail, GreenMailUser user, String name) throws Exception {
    var manager = greenMail.getManagers().getImapHostManager();
    MailFolder folder = manager.getFolder(user, name);
    return folder != null ? folder : manager.createMailbox(user, name);
  }

  /** Message-ID → whether it is \Seen, for every message in the folder. */
  static Map<String, Boolean> seenOnServer(GreenMail greenMail, GreenMailUser user, String name) {
    try {
      Map<String, Boolean> seen = new LinkedHashMap<>();
      for (StoredMessage m : folder(greenMail, user, name).getMessages()) {
        seen.put(m.getMimeMessage().getMessageID(), m.isSet(Flags.Flag.SEEN));
      }
      return seen;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Set<String> seenMessageIds(GreenMail greenMail, GreenMailUser user, String name) {
    return seenOnServer(greenMail, user, name).entrySet().stream().filter(Map.Entry::getValue)
        .map(Map.Entry::getKey).collect(Collectors.toSet());
  }

  /** Message-ID → how many inbound-log items carry it, read from the raw bytes the log keeps. */
  static Map<String, Long> loggedPerMessageId(JdbcClient jdbc) {
    List<byte[]> raws = jdbc.sql("SELECT raw_content FROM intake_item WHERE channel = 'email'")
        .query((rs, n) -> rs.getBytes(1)).list();
    Map<String, Long> counts = new TreeMap<>();
    for (byte[] raw : raws) {
      Matcher m = MESSAGE_ID.matcher(new String(raw, StandardCharsets.ISO_8859_1));
      counts.merge(m.find() ? m.group(1) : "(none)", 1L, Long::sum);
    }
    return counts;
  }

  /** The settings the admin API takes for a mailbox on the test server, without TLS. */
  static Map<String, Object> mailboxRequest(String address, int imapPort, String login, String password) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("name", "Support " + address);
    request.put("address", address);
    request.put("imapEnabled", true);
    request.put("imapHost", "127.0.0.1");
    request.put("imapPort", imapPort);
    request.put("imapSecurity", "PLAIN");
    request.put("imapUsername", login);
    request.put("imapPassword", password);
    request.put("pollIntervalSeconds", 1);
    return request;
  }
}
