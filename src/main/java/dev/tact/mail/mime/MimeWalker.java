package dev.tact.mail.mime;

import dev.tact.mail.MailLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Streams one message through mime4j's {@link MimeTokenStream} (non-strict) into a tree of {@link PartNode}s.
 * Attached messages are not entered here (their bytes become a part's content, parsed separately with the
 * depth so far); multiparts deeper than the limit are kept raw; the part count and decoded bytes are bounded.
 */
public final class MimeWalker {

  private static final MimeConfig CONFIG = new MimeConfig.Builder()
      .setStrictParsing(false)
      .setMaxLineLen(-1)
      .setMaxHeaderLen(-1)
      .setMaxHeaderCount(-1)
      .setMaxContentLen(-1)
      .setMalformedHeaderStartsBody(true)
      .build();

  private final MailLimits limits;
  private final ContentBudget budget;
  private final List<String> defects;
  private final PartCounter parts;

  public MimeWalker(MailLimits limits, ContentBudget budget, PartCounter parts, List<String> defects) {
    this.limits = limits;
    this.budget = budget;
    this.parts = parts;
    this.defects = defects;
  }

  /** Counts parts across a message and its attached messages. */
  public static final class PartCounter {
    private int count;

    boolean next(int max) {
      count++;
      return count <= max;
    }
  }

  /** Reads the message; {@code depth} is how deep this message itself is nested (0 for the received one). */
  public PartNode walk(byte[] raw, int depth) {
    MimeTokenStream stream = new MimeTokenStream(CONFIG, new RecordingMonitor(defects), null);
    stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
    int start = HeaderScan.skipMboxLine(raw);
    stream.parse(new ByteArrayInputStream(raw, start, raw.length - start));
    PartNode root = new PartNode(depth);
    Deque<PartNode> open = new ArrayDeque<>();
    try {
      for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
        PartNode current = open.peek();
        switch (state) {
          case T_START_MESSAGE -> open.push(root);
          case T_FIELD -> addField(current, stream.getField());
          case T_END_HEADER -> endHeader(current);
          case T_START_MULTIPART -> startMultipart(stream, current);
          case T_PREAMBLE -> current.preamble = readText(stream, current);
          case T_START_BODYPART -> open.push(startPart(stream, current));
          case T_END_BODYPART, T_END_MESSAGE -> open.pop();
          case T_BODY -> readBody(stream, current);
          case T_RAW_ENTITY -> addRawEntity(stream, current);
          default -> { }
        }
      }
    } catch (IOException | MimeException | RuntimeException e) {
      defects.add("MIME structure could not be read to the end: " + ContentBudget.describe(e));
    }
    return root;
  }

  private PartNode startPart(MimeTokenStream stream, PartNode parent) {
    PartNode child = new PartNode(parent.depth + 1);
    parent.children.add(child);
    if (!parts.next(limits.maxParts())) {
      defects.add("more than " + limits.maxParts() + " MIME parts: the rest was not read");
      stream.stop();
    }
    return child;
  }

  private void addField(PartNode node, Field field) {
    if (node == null || node.headerLimitHit) {
      return;
    }
    byte[] bytes = field.getRaw().toByteArray();
    node.headerBytes += bytes.length;
    if (node.headerBytes > limits.maxHeaderBytes()) {
      node.headerLimitHit = true;
      defects.add("header block larger than " + limits.maxHeaderBytes() + " bytes: further fields dropped");
      return;
    }
    RawHeader header = RawHeader.of(bytes);
    if (header == null) {
      defects.add("malformed header line ignored");
    } else {
      node.headers.add(header);
    }
  }

  private void endHeader(PartNode node) {
    node.disposition = HeaderParameters.parse(node.header("Content-Disposition"));
    node.contentId = MessageIds.first(node.header("Content-ID"));
  }

  /** Type information as mime4j used it to split the body (only available once the body starts). */
  private void describe(MimeTokenStream stream, PartNode node) {
    BodyDescriptor descriptor = stream.getBodyDescriptor();
    String contentTypeValue = node.header("Content-Type");
    HeaderParameters contentType = HeaderParameters.parse(contentTypeValue);
    node.typeFrom(contentType, descriptor.getMimeType(), descriptor.getCharset());
    if (contentTypeValue != null && !contentType.value().contains("/")) {
      defects.add("invalid Content-Type '" + ContentBudget.abbreviate(contentTypeValue) + "', read as "
          + node.mimeType);
    }
    if (contentType.value().startsWith("multipart/") && !node.mimeType.startsWith("multipart/")) {
      defects.add("multipart without boundary read as a single part");
    }
  }

  private void startMultipart(MimeTokenStream stream, PartNode node) {
    node.multipart = true;
    describe(stream, node);
    if (node.depth >= limits.maxDepth()) {
      defects.add("MIME nesting deeper than " + limits.maxDepth() + " levels kept unparsed");
      stream.setRecursionMode(RecursionMode.M_RAW);
    }
  }

  private void readBody(MimeTokenStream stream, PartNode node) {
    describe(stream, node);
    String encoding = stream.getBodyDescriptor().getTransferEncoding();
    node.content = budget.read("base64".equalsIgnoreCase(encoding)
        ? new LenientBase64InputStream(stream.getInputStream()) : stream.getDecodedInputStream(), defects);
  }

  private void addRawEntity(MimeTokenStream stream, PartNode parent) {
    PartNode child = new PartNode(parent.depth + 1);
    child.mimeType = "application/octet-stream";
    child.beyondDepth = true;
    child.content = budget.read(stream.getInputStream(), defects);
    parent.children.add(child);
  }

  private String readText(MimeTokenStream stream, PartNode node) {
    byte[] bytes = budget.read(stream.getInputStream(), defects);
    return Charsets.decode(bytes, node.charset, defects);
  }

  /** Records mime4j's complaints as defects; returning false keeps mime4j lenient. */
  private static final class RecordingMonitor extends DecodeMonitor {
    private final List<String> defects;

    RecordingMonitor(List<String> defects) {
      this.defects = defects;
    }

    @Override
    public boolean warn(String message, String dropDesc) {
      defects.add(ContentBudget.abbreviate(message));
      return false;
    }

    @Override
    public boolean isListening() {
      return true;
    }
  }
}
