package dev.tact.mail.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One MIME entity as the walker read it: headers, type information, children or decoded content. */
public final class PartNode {

  final List<RawHeader> headers = new ArrayList<>();
  final List<PartNode> children = new ArrayList<>();
  final int depth;
  int headerBytes;
  boolean headerLimitHit;
  String mimeType = "text/plain";
  String charset;
  HeaderParameters contentType = HeaderParameters.parse("text/plain");
  HeaderParameters disposition = HeaderParameters.parse(null);
  String contentId;
  byte[] content;
  String preamble;
  boolean multipart;
  boolean beyondDepth;

  PartNode(int depth) {
    this.depth = depth;
  }

  /** The raw value of the first header with this name, or null. */
  public String header(String name) {
    for (RawHeader header : headers) {
      if (header.is(name)) {
        return header.value();
      }
    }
    return null;
  }

  public List<RawHeader> headers() {
    return headers;
  }

  public List<PartNode> children() {
    return children;
  }

  public String mimeType() {
    return mimeType;
  }

  public String charset() {
    return charset;
  }

  public byte[] content() {
    return content == null ? new byte[0] : content;
  }

  public boolean isMultipart() {
    return multipart;
  }

  /** The lower-cased subtype of a multipart ("mixed", "alternative", ...). */
  public String subtype() {
    int slash = mimeType.indexOf('/');
    return slash < 0 ? "" : mimeType.substring(slash + 1);
  }

  /** "inline", "attachment" or "" when there is no Content-Disposition. */
  public String dispositionType() {
    return disposition.value();
  }

  /** File name from Content-Disposition filename or Content-Type name, decoded; null when neither is given. */
  public String filename() {
    String name = disposition.get("filename");
    if (name == null || name.isBlank()) {
      name = contentType.get("name");
    }
    if (name == null) {
      return null;
    }
    String cleaned = name.replace('\\', '/');
    cleaned = cleaned.substring(cleaned.lastIndexOf('/') + 1).strip();
    return cleaned.isEmpty() ? null : cleaned;
  }

  public String contentId() {
    return contentId;
  }

  public HeaderParameters contentType() {
    return contentType;
  }

  public String preamble() {
    return preamble;
  }

  /** Whether the entity was not parsed because it lies beyond the depth limit (its content is the raw entity). */
  public boolean isBeyondDepth() {
    return beyondDepth;
  }

  void typeFrom(HeaderParameters parsedContentType, String descriptorMimeType, String descriptorCharset) {
    contentType = parsedContentType;
    mimeType = descriptorMimeType == null ? "text/plain" : descriptorMimeType.toLowerCase(Locale.ROOT);
    charset = parsedContentType.get("charset");
    if (charset == null) {
      charset = descriptorCharset;
    }
  }
}
