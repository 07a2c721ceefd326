package dev.tact.intake;

/**
 * A file a customer uploaded with a message (a web form's attachment), kept in the inbound log with the message.
 *
 * @param filename as the browser named it, or null
 * @param contentType as the browser declared it, or null
 * @param content the bytes
 */
public record Upload(String filename, String contentType, byte[] content) {

  public Upload {
    if (content == null) {
      throw new IllegalArgumentException("An upload needs its content");
    }
  }

  @Override
  public String toString() {
    return "Upload[filename=" + filename + ", contentType=" + contentType + ", size=" + content.length + "]";
  }
}
