package dev.tact.mail;

import dev.tact.testsupport.Corpora;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the reply-stripping fixtures of the shared corpora as uniform cases: an input body (plain text or HTML),
 * the expected visible reply with its comparison mode, and the upstream checks. Evaluation code only.
 */
final class ReplyCorpus {

  /** The corpora with reply expectations, in report order. */
  static final List<String> CORPORA = List.of("reply-github-email_reply_parser", "reply-zapier-email-reply-parser",
      "reply-willdurand-EmailReplyParser", "reply-crisp-email-reply-parser", "reply-discourse-email_reply_trimmer",
      "talon-standard-replies", "talon-html-replies", "talon-signatures", "email-discourse-receiver-labels");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One fixture: {@code expected} is null when only checks exist; {@code excluded} says why it is not scored. */
  record Case(String corpus, String name, String input, boolean html, String expected, String compare,
      List<JsonNode> checks, String excluded) {
  }

  private ReplyCorpus() {
  }

  static Path root() {
    return Corpora.root();
  }

  static List<Case> load(String corpus) {
    Path dev = root().resolve(corpus).resolve("dev");
    try {
      return switch (corpus) {
        case "reply-discourse-email_reply_trimmer" -> trimmer(corpus, dev);
        case "talon-signatures" -> signatures(corpus, dev);
        case "email-discourse-receiver-labels" -> receiverLabels(corpus, dev);
        default -> expectationFiles(corpus, dev);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Case> expectationFiles(String corpus, Path dev) throws IOException {
    List<Case> cases = new ArrayList<>();
    for (Path json : list(dev, ".expected.json")) {
      JsonNode node = JSON.readTree(Files.readString(json));
      String base = json.getFileName().toString().replace(".expected.json", "");
      Path input = firstExisting(dev, base, ".txt", ".html", ".eml");
      if (input == null) {
        continue;
      }
      String file = input.getFileName().toString();
      boolean html = file.endsWith(".html");
      String body = file.endsWith(".eml") ? firstTextPart(input) : Files.readString(input, StandardCharsets.UTF_8);
      JsonNode reply = node.path("reply");
      String expected = reply.isObject() ? reply.path("text").asString() : null;
      String compare = reply.isObject() ? reply.path("compare").asString() : "exact";
      List<JsonNode> checks = new ArrayList<>();
      node.path("checks").forEach(checks::add);
      String excluded = node.has("config") ? "needs a non-default upstream configuration" : null;
      cases.add(new Case(corpus, file, body, html, expected, compare, checks, excluded));
    }
    return cases;
  }

  private static List<Case> trimmer(String corpus, Path dev) throws IOException {
    List<Case> cases = new ArrayList<>();
    for (Path email : list(dev.resolve("emails"), ".txt")) {
      String name = email.getFileName().toString();
      String input = Files.readString(email, StandardCharsets.UTF_8).strip();
      String expected = Files.readString(dev.resolve("trimmed").resolve(name), StandardCharsets.UTF_8).strip();
      cases.add(new Case(corpus, name, input, false, expected, "strip", List.of(), null));
    }
    return cases;
  }

  private static List<Case> signatures(String corpus, Path dev) throws IOException {
    List<Case> cases = new ArrayList<>();
    for (Path json : list(dev, ".expected.json")) {
      JsonNode node = JSON.readTree(Files.readString(json));
      String body = Files.readString(dev.resolve(node.path("input").path("body_file").asString()));
      cases.add(new Case(corpus, json.getFileName().toString(), body, false, node.path("expected_text").asString(),
          "strip", List.of(), null));
    }
    return cases;
  }

  private static List<Case> receiverLabels(String corpus, Path dev) throws IOException {
    List<Case> cases = new ArrayList<>();
    for (Path json : list(dev, ".expected.json")) {
      JsonNode labels = JSON.readTree(Files.readString(json)).path("labels");
      if (!labels.has("reply")) {
        continue;
      }
      String base = json.getFileName().toString().replace(".expected.json", "");
      Path eml = dev.resolve(base + ".eml");
      cases.add(new Case(corpus, base + ".eml", firstTextPart(eml), false, labels.path("reply").asString(), "strip",
          List.of(), null));
    }
    return cases;
  }

  /** The forward-labelled items of the receiver-labels corpus: file name and labels. */
  static List<Forward> forwards() {
    Path dev = root().resolve("email-discourse-receiver-labels").resolve("dev");
    List<Forward> result = new ArrayList<>();
    try {
      for (Path json : list(dev, ".expected.json")) {
        JsonNode labels = JSON.readTree(Files.readString(json)).path("labels");
        if (!labels.path("forwarded").asBoolean(false)) {
          continue;
        }
        Path eml = dev.resolve(json.getFileName().toString().replace(".expected.json", ".eml"));
        MimeMessage message = message(eml);
        result.add(new Forward(eml.getFileName().toString(), message.getSubject(), textOf(message), labels));
      }
    } catch (IOException | jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
    return result;
  }

  /** A forward fixture: the outer subject and text, and the labels (original_sender, forwarder_note, ...). */
  record Forward(String name, String subject, String text, JsonNode labels) {
  }

  /** The trimmer corpus's embedded-email items: input, expected embedded email and text before it. */
  static List<String[]> embedded() {
    Path dev = root().resolve("reply-discourse-email_reply_trimmer").resolve("dev");
    List<String[]> result = new ArrayList<>();
    try {
      for (Path embedded : list(dev.resolve("embedded"), ".txt")) {
        String name = embedded.getFileName().toString();
        result.add(new String[] {name, Files.readString(dev.resolve("emails").resolve(name)).strip(),
            Files.readString(embedded).strip(), Files.readString(dev.resolve("before").resolve(name)).strip()});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  private static List<Path> list(Path folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static Path firstExisting(Path dev, String base, String... extensions) {
    for (String extension : extensions) {
      Path candidate = dev.resolve(base + extension);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static MimeMessage message(Path eml) throws IOException, jakarta.mail.MessagingException {
    try (InputStream in = Files.newInputStream(eml)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  /** The first text/plain part of an .eml, transfer-decoded (what the upstream tests feed their parsers). */
  static String firstTextPart(Path eml) {
    try {
      return textOf(message(eml));
    } catch (IOException | jakarta.mail.MessagingException e) {
      throw new IllegalStateException(eml + ": " + e.getMessage(), e);
    }
  }

  /**
   * The text of a part in its declared charset; UTF-8 when it declares none (as the upstream talon test decodes,
   * and as 8-bit mail without a charset nearly always is), not Jakarta Mail's US-ASCII.
   */
  private static String textOf(Part part) throws IOException, jakarta.mail.MessagingException {
    if (part.isMimeType("text/plain")) {
      String charset = new jakarta.mail.internet.ContentType(part.getContentType()).getParameter("charset");
      if (charset != null) {
        Object content = part.getContent();
        if (content instanceof String s) {
          return s;
        }
      }
      return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String text = textOf(child);
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }
}
