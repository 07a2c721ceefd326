package dev.tact.testsupport;

import org.awaitility.Awaitility;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GreenMail as the SMTP relay Tact's dispatcher sends to, started once for the test JVM; point
 * {@code tact.delivery.smtp.*} at {@link #port()}. Reads the links out of the mails Tact sends its staff.
 */
public final class StaffMailbox {

  private static final GreenMail GREEN_MAIL = start();

  private StaffMailbox() {}

  private static GreenMail start() {
    GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
    Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
    return greenMail;
  }

  public static int port() {
    return GREEN_MAIL.getSmtp().getPort();
  }

  /** The mails received for this address so far. */
  public static List<MimeMessage> to(String address) {
    return Arrays.stream(GREEN_MAIL.getReceivedMessages()).filter(m -> sentTo(m, address)).toList();
  }

  /**
   * The mails in this address's own mailbox: every envelope recipient gets its copy, so this counts CC and BCC
   * deliveries too (whatever the headers say).
   */
  public static List<MimeMessage> inboxOf(String address) {
    try {
      var user = GREEN_MAIL.getUserManager().getUserByEmail(address);
      if (user == null) {
        return List.of();
      }
      return GREEN_MAIL.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
          .map(m -> m.getMimeMessage()).toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits (at most 30 s) until the n-th mail (1 = the first) for this address has arrived and returns it. */
  public static MimeMessage await(String address, int nth) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> to(address).size() >= nth);
    return to(address).get(nth - 1);
  }

  /** The plain text of a mail Tact wrote (the first part of its multipart/alternative), decoded. */
  public static String text(MimeMessage mail) {
    try {
      Object content = mail.getContent();
      if (content instanceof MimeMultipart parts) {
        return parts.getBodyPart(0).getContent().toString();
      }
      return content.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first link in the mail's text whose path starts with {@code pathPrefix}, e.g. "/invitation/". */
  public static String link(MimeMessage mail, String pathPrefix) {
    Matcher link = Pattern.compile("https?://\\S+" + Pattern.quote(pathPrefix) + "[A-Za-z0-9_-]+").matcher(text(mail));
    if (!link.find()) {
      throw new AssertionError("no " + pathPrefix + " link in: " + text(mail));
    }
    return link.group();
  }

  private static boolean sentTo(MimeMessage message, String address) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> a.toString().toLowerCase(java.util.Locale.ROOT).contains(address.toLowerCase(java.util.Locale.ROOT)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
