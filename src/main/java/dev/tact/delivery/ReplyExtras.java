package dev.tact.delivery;

import dev.tact.mail.OutgoingMail;
import java.util.List;

/**
 * What an email reply carries besides its text: copies (validated addresses; CC written in the header, BCC only on
 * the envelope) and files sent as MIME parts. Replies on other channels carry none of them.
 */
public record ReplyExtras(List<String> cc, List<String> bcc, List<OutgoingMail.Attachment> attachments) {

  public static final ReplyExtras NONE = new ReplyExtras(List.of(), List.of(), List.of());

  public ReplyExtras {
    cc = cc == null ? List.of() : List.copyOf(cc);
    bcc = bcc == null ? List.of() : List.copyOf(bcc);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  public boolean isEmpty() {
    return cc.isEmpty() && bcc.isEmpty() && attachments.isEmpty();
  }
}
