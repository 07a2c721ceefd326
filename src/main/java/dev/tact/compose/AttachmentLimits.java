package dev.tact.compose;

import dev.tact.mail.OutgoingMail;
import dev.tact.shared.ControlCharacters;
import dev.tact.shared.ProblemException;
import java.util.List;
import org.springframework.stereotype.Component;

/** The files a reply may carry: {@code tact.compose.max-attachments}, per file and in all; each named. */
@Component
class AttachmentLimits {

  private final ComposeProperties properties;

  AttachmentLimits(ComposeProperties properties) {
    this.properties = properties;
  }

  /** 422 for too many files, one too large or unnamed, or too much in all; nothing is stored then. */
  void check(List<OutgoingMail.Attachment> files) {
    if (files.size() > properties.maxAttachments()) {
      throw ProblemException.invalid("too-many-attachments", "A reply carries at most " + properties.maxAttachments()
          + " files.");
    }
    long total = 0;
    for (OutgoingMail.Attachment file : files) {
      if (file.filename() == null || file.filename().isBlank() || ControlCharacters.firstIn(file.filename()) >= 0
          || file.filename().length() > 255) {
        throw ProblemException.invalid("invalid-attachment-name", "Each file needs a name of one line, at most 255 "
            + "characters.");
      }
      if (file.content().length > properties.maxAttachmentBytes()) {
        throw ProblemException.invalid("attachment-too-large", "'" + file.filename() + "' is larger than "
            + properties.maxAttachmentBytes() / (1024 * 1024) + " MB.");
      }
      total += file.content().length;
    }
    if (total > properties.maxTotalAttachmentBytes()) {
      throw ProblemException.invalid("attachments-too-large", "The files of a reply are at most "
          + properties.maxTotalAttachmentBytes() / (1024 * 1024) + " MB together.");
    }
  }
}
