package dev.tact.intake;

import dev.tact.contact.IdentityParser;
import dev.tact.conversation.ConversationManagement;
import dev.tact.shared.Channel;
import dev.tact.shared.ControlCharacters;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts messages from any channel: checks them, writes them raw to the inbound log, and
 * acknowledges only after the commit. Nothing is stored for a request that fails a check.
 */
@Service
public class MessageIntake {

  static final String API_CONTENT_TYPE = "application/vnd.tact.message+json";
  static final String MAIL_CONTENT_TYPE = "message/rfc822";
  /** A message with uploaded files: the payload is {@link WithUploads} as JSON, the raw bytes the files in order. */
  static final String UPLOADS_CONTENT_TYPE = "application/vnd.tact.message-with-files+json";
  static final int MAX_FIELDS = 30;
  static final int MAX_UPLOADS = 20;

  /** How a message with files is logged: the message, and each file's name, type and length in the raw bytes. */
  record WithUploads(MessageSubmission message, java.util.List<UploadEntry> files) {}

  record UploadEntry(String filename, String contentType, long size) {}

  private final InboundLog inboundLog;
  private final ItemStore items;
  private final IdentityParser identities;
  private final ConversationManagement conversations;
  private final dev.tact.staff.StaffDirectory staff;
  private final JsonMapper json;
  private final IntakeProperties properties;
  private final Clock clock;
  private final Counter accepted;

  MessageIntake(InboundLog inboundLog, ItemStore items, IdentityParser identities,
      ConversationManagement conversations, dev.tact.staff.StaffDirectory staff, JsonMapper json,
      IntakeProperties properties, Clock clock, MeterRegistry meters) {
    this.staff = staff;
    this.inboundLog = inboundLog;
    this.items = items;
    this.identities = identities;
    this.conversations = conversations;
    this.json = json;
    this.properties = properties;
    this.clock = clock;
    this.accepted = Counter.builder("tact.intake.accepted").description("Inbound items committed to the log")
        .register(meters);
  }

  /** Accepts a request body exactly as received; the log keeps these bytes. */
  public Acknowledgement submitJson(String body) {
    return submitJson(body, null);
  }

  /**
   * As {@link #submitJson(String)}, remembering the integration that submitted it: its token may read the item's
   * status, and a message naming its conversation joins it on that integration's authority.
   */
  public Acknowledgement submitJson(String body, Submitter submittedBy) {
    return submit(readJson(body), submittedBy);
  }

  /** A message read from its JSON and past every check, not yet logged: its channel, external id and text. */
  public record Checked(String channel, String externalId, String raw) {}

  /**
   * Reads and checks a message as {@link #submitJson(String, Submitter)} does, storing nothing: a problem here means
   * nothing was written, and the same body submitted again gets the same problem.
   */
  public Checked readJson(String body) {
    if (body == null || body.isBlank()) {
      throw new ProblemException(400, "malformed-request", "Malformed request", "The request body is empty.");
    }
    if (body.getBytes(StandardCharsets.UTF_8).length > properties.maxRequestBytes()) {
      throw new ProblemException(413, "request-too-large", "Request too large",
          "The request body is larger than " + properties.maxRequestBytes() + " bytes.");
    }
    MessageSubmission submission;
    try {
      submission = json.readValue(body, MessageSubmission.class);
    } catch (JacksonException e) {
      throw new ProblemException(400, "malformed-request", "Malformed request",
          "The body is not a valid message JSON: " + e.getOriginalMessage());
    }
    if (submission == null) {
      throw new ProblemException(400, "malformed-request", "Malformed request", "The body is not a JSON object.");
    }
    return new Checked(check(submission).id(), blankToNull(submission.externalMessageId()), body);
  }

  /** Logs a checked message and returns once it is committed; throws a 429 or 503 problem when it cannot be. */
  public Acknowledgement submit(Checked message, Submitter submittedBy) {
    return append(message.channel(), message.externalId(), API_CONTENT_TYPE, message.raw(), null, submittedBy);
  }

  /**
   * Accepts up to {@link #MAX_BATCH} messages at once ({@code POST /api/v1/messages/batch}): a JSON array of message
   * objects, or (ndjson) one message object a line. Each message is checked as a single one is; those that pass are
   * logged together, in one transaction, and the answer comes once they are committed. A message that fails its
   * checks is answered with its problem and stores nothing; it does not keep the others out. Every result names its
   * message by its position (from 0; in NDJSON the non-blank lines). The whole request is refused, and nothing
   * stored, when it is not a JSON array (or not UTF-8), holds more than {@link #MAX_BATCH} messages (413), or the
   * log cannot take it (429, 503).
   */
  public List<BatchItem> submitBatch(String body, boolean ndjson, Submitter submittedBy) {
    List<BatchEntry> entries = ndjson ? ndjsonEntries(body) : arrayEntries(body);
    List<BatchItem> results = new ArrayList<>(entries.size());
    List<NewItem> valid = new ArrayList<>(entries.size());
    Instant now = clock.instant();
    for (int i = 0; i < entries.size(); i++) {
      BatchEntry entry = entries.get(i);
      ProblemException problem = entry.problem();
      if (problem == null) {
        try {
          Channel channel = check(entry.submission());
          valid.add(new NewItem(Ids.newId(), channel.id(), blankToNull(entry.submission().externalMessageId()),
              API_CONTENT_TYPE, entry.raw(), null, now, Ids.newId(), submittedBy));
        } catch (ProblemException e) {
          problem = e;
        }
      }
      results.add(new BatchItem(i, null, problem));
    }
    List<InboundLog.Logged> logged = valid.isEmpty() ? List.of() : inboundLog.appendAll(valid);
    accepted.increment(logged.size());
    int next = 0;
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).problem() == null) {
        InboundLog.Logged item = logged.get(next++);
        results.set(i, new BatchItem(i, new Acknowledgement(item.itemId(), item.messageId(), item.redelivery(), now),
            null));
      }
    }
    return results;
  }

  /** The most messages one batch may hold. */
  public static final int MAX_BATCH = 1000;

  /** One message of a batch: acknowledged (committed), or the problem that kept it out (nothing of it stored). */
  public record BatchItem(int index, Acknowledgement acknowledgement, ProblemException problem) {}

  /** A message of a batch as read: its JSON text and what it says, or why it cannot be read. */
  private record BatchEntry(String raw, MessageSubmission submission, ProblemException problem) {}

  /** The elements of a JSON array, each bound once from its tree; each keeps its own text for the log. */
  private List<BatchEntry> arrayEntries(String body) {
    List<BatchEntry> entries = new ArrayList<>();
    try (JsonParser parser = json.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new ProblemException(400, "malformed-request", "Malformed request",
            "The body must be a JSON array of messages (or NDJSON, sent as application/x-ndjson).");
      }
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        tooMany(entries.size());
        if (token != JsonToken.START_OBJECT) {
          parser.skipChildren();
          entries.add(new BatchEntry(null, null, new ProblemException(400, "malformed-message", "Malformed message",
              "A message is a JSON object, not " + token.name().toLowerCase(java.util.Locale.ROOT) + ".")));
          continue;
        }
        int start = (int) parser.currentTokenLocation().getCharOffset();
        JsonNode tree = parser.readValueAsTree();
        String raw = body.substring(start, (int) parser.currentLocation().getCharOffset());
        entries.add(bind(raw, () -> json.treeToValue(tree, MessageSubmission.class)));
      }
      if (parser.nextToken() != null) {
        throw new ProblemException(400, "malformed-request", "Malformed request",
            "The body has more after its array of messages.");
      }
    } catch (JacksonException e) {
      throw new ProblemException(400, "malformed-request", "Malformed request",
          "The body is not a valid JSON array: " + e.getOriginalMessage());
    }
    return entries;
  }

  /** Each non-blank line a message. */
  private List<BatchEntry> ndjsonEntries(String body) {
    List<BatchEntry> entries = new ArrayList<>();
    for (String line : (Iterable<String>) body.lines()::iterator) {
      if (line.isBlank()) {
        continue;
      }
      tooMany(entries.size());
      String raw = line.strip();
      entries.add(bind(raw, () -> json.readValue(raw, MessageSubmission.class)));
    }
    return entries;
  }

  private static void tooMany(int before) {
    if (before >= MAX_BATCH) {
      throw new ProblemException(413, "batch-too-large", "Batch too large",
          "A batch holds at most " + MAX_BATCH + " messages; nothing of this one was accepted.");
    }
  }

  private static BatchEntry bind(String raw, java.util.function.Supplier<MessageSubmission> reader) {
    try {
      MessageSubmission submission = reader.get();
      return submission == null ? new BatchEntry(raw, null, new ProblemException(400, "malformed-message",
          "Malformed message", "A message is a JSON object.")) : new BatchEntry(raw, submission, null);
    } catch (JacksonException e) {
      return new BatchEntry(raw, null, new ProblemException(400, "malformed-message", "Malformed message",
          "Not a valid message JSON: " + e.getOriginalMessage()));
    }
  }

  /** Accepts a message built in code (the demo workspace, other channels). */
  public Acknowledgement submit(MessageSubmission submission) {
    return submit(submission, json.writeValueAsString(submission), null);
  }

  /**
   * Accepts a message with files a customer uploaded (a web form): logged together, the files as the item's raw
   * bytes, so that the message and its files are acknowledged, and filed, as one. The files together may be at most
   * {@link #maxMailBytes()}.
   */
  public Acknowledgement submit(MessageSubmission submission, java.util.List<Upload> uploads) {
    if (uploads == null || uploads.isEmpty()) {
      return submit(submission);
    }
    Channel channel = check(submission);
    if (uploads.size() > MAX_UPLOADS) {
      throw ProblemException.invalid("too-many-files", "At most " + MAX_UPLOADS + " files may come with a message.");
    }
    long total = 0;
    java.util.List<UploadEntry> entries = new java.util.ArrayList<>();
    for (Upload upload : uploads) {
      refuseControlCharacters("filename", upload.filename());
      refuseControlCharacters("contentType", upload.contentType());
      checkLength("filename", upload.filename(), 500);
      checkLength("contentType", upload.contentType(), 200);
      total += upload.content().length;
      entries.add(new UploadEntry(blankToNull(upload.filename()), blankToNull(upload.contentType()),
          upload.content().length));
    }
    if (total > properties.maxMailBytes()) {
      throw new ProblemException(413, "files-too-large", "Files too large",
          "The files have " + total + " bytes together; the limit is " + properties.maxMailBytes() + ".");
    }
    byte[] raw = new byte[(int) total];
    int at = 0;
    for (Upload upload : uploads) {
      System.arraycopy(upload.content(), 0, raw, at, upload.content().length);
      at += upload.content().length;
    }
    String payload = json.writeValueAsString(new WithUploads(submission, entries));
    return append(channel.id(), blankToNull(submission.externalMessageId()), UPLOADS_CONTENT_TYPE, payload, raw, null);
  }

  private Acknowledgement submit(MessageSubmission submission, String raw, Submitter submittedBy) {
    return submit(new Checked(check(submission).id(), blankToNull(submission.externalMessageId()), raw), submittedBy);
  }

  /**
   * Accepts an email exactly as received and returns once its bytes are committed: a mail
   * channel may answer 250, or flag the message on the server, only after this returns. The
   * same bytes received twice are one message; so is the same Message-ID, when the pipeline
   * reads it.
   */
  public Acknowledgement submitMail(IncomingMail mail) {
    return submitMail(mail, null);
  }

  /** As {@link #submitMail(IncomingMail)}, remembering the integration that submitted it (it may read its status). */
  public Acknowledgement submitMail(IncomingMail mail, Submitter submittedBy) {
    if (mail.raw() == null || mail.raw().length == 0) {
      throw new ProblemException(400, "empty-mail", "Empty mail", "The message has no content.");
    }
    if (mail.raw().length > properties.maxMailBytes()) {
      throw new ProblemException(413, "mail-too-large", "Mail too large",
          "The message has " + mail.raw().length + " bytes; the limit is " + properties.maxMailBytes() + ".");
    }
    refuseControlCharacters("envelopeSender", mail.envelopeSender());
    for (String recipient : mail.envelopeRecipients()) {
      refuseControlCharacters("recipient", recipient);
    }
    String envelope = json.writeValueAsString(new MailEnvelope(mail.via(), mail.mailboxId(), mail.envelopeSender(),
        mail.envelopeRecipients()));
    String externalId = mail.sourceId() != null ? mail.sourceId() : "sha256:" + sha256Hex(mail.raw());
    return append(Channel.EMAIL.id(), externalId, MAIL_CONTENT_TYPE, envelope, mail.raw(), submittedBy);
  }

  /** The largest raw email accepted, in bytes. */
  public int maxMailBytes() {
    return properties.maxMailBytes();
  }

  /** Whether an email with this source id (see {@link IncomingMail#sourceId()}) is already in the log. */
  public boolean mailAlreadyLogged(String sourceId) {
    return items.firstWithExternalId(Channel.EMAIL.id(), sourceId).isPresent();
  }

  private Acknowledgement append(String channel, String externalId, String contentType, String payload, byte[] raw,
      Submitter submittedBy) {
    Instant now = clock.instant();
    InboundLog.Logged logged = inboundLog.append(new NewItem(Ids.newId(), channel, externalId, contentType, payload,
        raw, now, Ids.newId(), submittedBy));
    accepted.increment();
    return new Acknowledgement(logged.itemId(), logged.messageId(), logged.redelivery(), now);
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  /** Every check a request must pass before anything is written. */
  Channel check(MessageSubmission s) {
    // Everything but the text is one line: a line break in an id would reach the headers of a reply.
    refuseControlCharacters("channel", s.channel());
    refuseControlCharacters("sender", s.sender());
    refuseControlCharacters("name", s.name());
    refuseControlCharacters("givenName", s.givenName());
    refuseControlCharacters("familyName", s.familyName());
    refuseControlCharacters("subject", s.subject());
    refuseControlCharacters("externalMessageId", s.externalMessageId());
    refuseControlCharacters("externalThreadId", s.externalThreadId());
    refuseControlCharacters("conversation", s.conversation());
    Channel channel = Channel.parse(s.channel());
    identities.parse(s.sender());
    if (s.text() != null && s.text().length() > properties.maxTextLength()) {
      throw new ProblemException(413, "text-too-large", "Text too large",
          "The text has " + s.text().length() + " characters; the limit is " + properties.maxTextLength() + ".");
    }
    if (blankToNull(s.text()) == null && blankToNull(s.subject()) == null) {
      throw ProblemException.invalid("empty-message", "A message needs a text or a subject.");
    }
    checkLength("externalMessageId", s.externalMessageId(), 300);
    checkLength("externalThreadId", s.externalThreadId(), 300);
    checkLength("name", s.name(), 300);
    checkLength("givenName", s.givenName(), 200);
    checkLength("familyName", s.familyName(), 200);
    checkLength("subject", s.subject(), 2000);
    if (s.team() != null && staff.team(s.team()).isEmpty()) {
      throw ProblemException.invalid("unknown-team", "team " + s.team() + " is not a team.");
    }
    if (s.fields().size() > MAX_FIELDS) {
      throw ProblemException.invalid("too-many-fields", "A message may carry at most " + MAX_FIELDS + " fields.");
    }
    for (MessageSubmission.Field field : s.fields()) {
      if (blankToNull(field.label()) == null) {
        throw ProblemException.invalid("field-without-label", "Every field needs a label.");
      }
      refuseControlCharacters("field label", field.label());
      checkLength("field label", field.label(), 200);
      checkLength("field " + field.label().strip(), field.value(), 2000);
    }
    if (blankToNull(s.conversation()) != null && conversations.findByReference(s.conversation()).isEmpty()) {
      throw new ProblemException(404, "conversation-not-found", "Conversation not found",
          "No conversation with id or number " + s.conversation().strip() + ".");
    }
    return channel;
  }

  private static void refuseControlCharacters(String field, String value) {
    int at = ControlCharacters.firstIn(value);
    if (at >= 0) {
      throw ProblemException.invalid("control-characters", field + " contains a control character (U+"
          + String.format("%04X", (int) value.charAt(at)) + " at position " + at + "): ids, names and subjects are "
          + "one line of text without line breaks, tabs or other control characters.");
    }
  }

  private static void checkLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw ProblemException.invalid("field-too-long", field + " is longer than " + max + " characters.");
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
