package dev.tact.intake;

import dev.tact.mail.MailAttachment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a message logged with files ({@link MessageIntake#submit(MessageSubmission, List)}): the message as the API's
 * reader reads it, and the files cut from the raw bytes by the lengths the payload lists.
 */
@Component
class UploadItemReader implements ItemReader {

  private final JsonMapper json;
  private final ApiItemReader messages;

  UploadItemReader(JsonMapper json, ApiItemReader messages) {
    this.json = json;
    this.messages = messages;
  }

  @Override
  public String contentType() {
    return MessageIntake.UPLOADS_CONTENT_TYPE;
  }

  @Override
  public ReadItem read(InboundItem item, byte[] raw) {
    MessageIntake.WithUploads logged;
    try {
      logged = json.readValue(item.payload(), MessageIntake.WithUploads.class);
    } catch (JacksonException e) {
      throw new UnreadableItemException("The logged payload is not valid message JSON: " + e.getOriginalMessage(), e);
    }
    if (logged == null || logged.message() == null || logged.files() == null) {
      throw new UnreadableItemException("The logged payload names no message or no files", null);
    }
    byte[] bytes = raw == null ? new byte[0] : raw;
    long listed = logged.files().stream().mapToLong(MessageIntake.UploadEntry::size).sum();
    if (listed != bytes.length) {
      throw new UnreadableItemException("The files listed have " + listed + " bytes, the item holds " + bytes.length,
          null);
    }
    List<MailAttachment> files = new ArrayList<>();
    int at = 0;
    for (MessageIntake.UploadEntry entry : logged.files()) {
      byte[] content = Arrays.copyOfRange(bytes, at, at + (int) entry.size());
      at += (int) entry.size();
      String type = entry.contentType() == null ? "application/octet-stream"
          : entry.contentType().toLowerCase(Locale.ROOT);
      files.add(new MailAttachment(entry.filename(), type, null, false, content));
    }
    return messages.read(item, logged.message(), files);
  }
}
