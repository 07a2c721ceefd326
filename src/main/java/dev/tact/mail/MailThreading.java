package dev.tact.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The threading keys of mail: which Message-IDs a message answers, and Tact's subject token. */
public final class MailThreading {

  private static final Pattern SUBJECT_TOKEN = Pattern.compile("\\[#(\\d{1,18})]");

  private MailThreading() {}

  /** In-Reply-To first, then References from the newest to the oldest, each once. */
  public static List<String> repliesTo(ParsedMail mail) {
    LinkedHashSet<String> ids = new LinkedHashSet<>(mail.inReplyTo());
    List<String> references = new ArrayList<>(mail.references());
    for (int i = references.size() - 1; i >= 0; i--) {
      ids.add(references.get(i));
    }
    ids.remove(mail.messageId());
    return List.copyOf(ids);
  }

  /** The conversation number of a {@code [#1234]} token in the subject, the last one if several; or null. */
  public static Long subjectNumber(String subject) {
    if (subject == null) {
      return null;
    }
    Matcher m = SUBJECT_TOKEN.matcher(subject);
    Long number = null;
    while (m.find()) {
      number = Long.parseLong(m.group(1));
    }
    return number;
  }

  /** The subject of a reply: the token added once, "Re: " once. */
  public static String replySubject(String subject, long number) {
    String base = subject == null || subject.isBlank() ? "" : subject.strip();
    String token = "[#" + number + "]";
    if (!base.contains(token)) {
      base = base.isEmpty() ? token : base + " " + token;
    }
    return base.regionMatches(true, 0, "Re:", 0, 3) ? base : "Re: " + base;
  }
}
