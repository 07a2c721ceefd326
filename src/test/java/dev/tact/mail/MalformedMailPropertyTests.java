package dev.tact.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Hostile and broken input: whatever arrives, {@code parse} either returns a bounded result or throws
 * {@link UnparseableMailException}, never anything else.
 */
class MalformedMailPropertyTests {

  private static final String WELL_FORMED = """
      From: =?UTF-8?Q?J=C3=BCrgen?= <j@example.com>
      To: support@tact.test
      Subject: =?UTF-8?B?w5xiZXJ3ZWlzdW5n?=
      Message-ID: <m1@example.com>
      Content-Type: multipart/mixed; boundary="outer"

      --outer
      Content-Type: multipart/alternative; boundary="inner"

      --inner
      Content-Type: text/plain; charset=utf-8
      Content-Transfer-Encoding: quoted-printable

      Gr=C3=BC=C3=9Fe
      --inner
      Content-Type: text/html; charset=utf-8

      <p>Gr&uuml;&szlig;e</p>
      --inner--
      --outer
      Content-Type: application/pdf; name*=UTF-8''R%C3%A9sum%C3%A9.pdf
      Content-Transfer-Encoding: base64

      JVBERi0xLjQKJcfsj6IK
      --outer
      Content-Type: message/rfc822

      From: inner@example.com
      Subject: inner

      inner text
      --outer--
      """;

  private final MailParser parser = new MailParser(MailLimits.defaults());

  @Property(tries = 300)
  void shouldOnlyRejectOrParseWhenGivenRandomBytes(@ForAll @Size(max = 2000) byte[] raw) {
    assertParsesOrRejects(raw);
  }

  @Property(tries = 300)
  void shouldParseOrRejectWhenTruncatedAnywhere(@ForAll @IntRange(min = 0, max = 100) int percent) {
    byte[] full = Mails.crlf(WELL_FORMED);
    assertParsesOrRejects(Arrays.copyOf(full, full.length * percent / 100));
  }

  @Property(tries = 300)
  void shouldParseWhenBoundariesAreWrongOrMissing(@ForAll("boundaryDamage") String damaged) {
    ParsedMail mail = assertParsesOrRejects(Mails.crlf(damaged));

    assertThat(mail).as("a message with headers must parse").isNotNull();
  }

  @Provide
  Arbitrary<String> boundaryDamage() {
    return Arbitraries.of("--outer", "--inner", "--outer--", "--inner--", "boundary=\"outer\"", "boundary=\"inner\"")
        .flatMap(target -> Arbitraries.of("", "--other", "--outer", "\n", "--inner--x", "boundary=")
            .map(replacement -> WELL_FORMED.replace(target, replacement)));
  }

  @Property(tries = 300)
  void shouldNotThrowWhenBytesAreInvalidUtf8(@ForAll @Size(max = 300) byte[] garbage,
      @ForAll @IntRange(min = 0, max = 2) int where) {
    String head = "From: a@example.com\r\nContent-Type: text/plain; charset=utf-8\r\n";
    byte[] raw = switch (where) {
      case 0 -> concat(bytes(head + "Subject: "), garbage, bytes("\r\n\r\nbody\r\n"));
      case 1 -> concat(bytes(head + "\r\n"), garbage, bytes("\r\n"));
      default -> concat(bytes("From: "), garbage, bytes("\r\n\r\nbody\r\n"));
    };

    assertParsesOrRejects(raw);
  }

  @Property(tries = 300)
  void shouldParseOrRejectWhenHeadersAreGarbage(@ForAll("headerGarbage") List<String> lines) {
    String raw = "Subject: x\r\n" + String.join("\r\n", lines) + "\r\n\r\nbody\r\n";

    ParsedMail mail = assertParsesOrRejects(raw.getBytes(StandardCharsets.ISO_8859_1));

    assertThat(mail).isNotNull();
  }

  @Provide
  Arbitrary<List<String>> headerGarbage() {
    Arbitrary<String> names = Arbitraries.of("Content-Type", "Content-Disposition", "From", "To", "Date",
        "Content-Transfer-Encoding", "Message-ID", "References", "X-Junk", "Subject", "Cc", "Return-Path");
    // printable Latin-1 and tabs: mail-like text that is not binary (binary data is the random-bytes property)
    Arbitrary<String> values = Arbitraries.strings().withCharRange((char) 32, (char) 255).withChars('\t')
        .ofMaxLength(120);
    Arbitrary<String> fields = names.flatMap(name -> values.map(value -> name + ":" + value));
    Arbitrary<String> junkLines = values.map(value -> " " + value);
    return Arbitraries.oneOf(fields, fields, junkLines).list().ofMaxSize(15);
  }

  @Example
  void shouldStopAtDepthLimitWhenMultipartsNest1000Deep() {
    int depth = 1000;
    StringBuilder raw = new StringBuilder("From: a@example.com\r\n");
    for (int i = 0; i < depth; i++) {
      raw.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
          .append("\r\n");
    }
    raw.append("Content-Type: text/plain\r\n\r\ndeepest\r\n");
    for (int i = depth - 1; i >= 0; i--) {
      raw.append("--b").append(i).append("--\r\n");
    }

    ParsedMail mail = assertParsesOrRejects(raw.toString().getBytes(StandardCharsets.US_ASCII));

    assertThat(mail.defects()).anyMatch(d -> d.contains("nesting deeper than 50"));
    assertThat(totalBytes(mail)).isLessThanOrEqualTo(raw.length());
  }

  @Example
  void shouldStopAtDepthLimitWhenAttachedMessagesNest1000Deep() {
    String message = "From: bottom@example.com\r\n\r\nbottom\r\n";
    for (int i = 0; i < 1000; i++) {
      message = "From: level" + i + "@example.com\r\nContent-Type: message/rfc822\r\n\r\n" + message;
    }

    ParsedMail mail = assertParsesOrRejects(message.getBytes(StandardCharsets.US_ASCII));

    int levels = 0;
    ParsedMail current = mail;
    while (!current.attachedMessages().isEmpty()) {
      current = current.attachedMessages().get(0);
      levels++;
    }
    assertThat(levels).isLessThan(MailLimits.defaults().maxDepth());
    assertThat(current.defects()).anyMatch(d -> d.contains("nested deeper than"));
  }

  @Example
  void shouldKeepOneCopyWhenPartIs50Megabytes() {
    int size = 50 * 1024 * 1024;
    byte[] head = bytes("From: a@example.com\r\nContent-Type: multipart/mixed; boundary=big\r\n\r\n--big\r\n"
        + "Content-Type: text/plain\r\n\r\nsee attachment\r\n--big\r\n"
        + "Content-Type: application/octet-stream; name=big.bin\r\n\r\n");
    byte[] tail = bytes("\r\n--big--\r\n");
    byte[] raw = new byte[head.length + size + tail.length];
    System.arraycopy(head, 0, raw, 0, head.length);
    Arrays.fill(raw, head.length, head.length + size, (byte) 'x');
    System.arraycopy(tail, 0, raw, head.length + size, tail.length);

    ParsedMail mail = assertParsesOrRejects(raw);

    assertThat(mail.text()).isEqualTo("see attachment");
    assertThat(mail.attachments()).singleElement().satisfies(a -> {
      assertThat(a.size()).isEqualTo(size);
      assertThat(a.filename()).isEqualTo("big.bin");
    });
    assertThat(totalBytes(mail)).isLessThanOrEqualTo(MailLimits.defaults().maxDecodedBytes());
  }

  @Example
  void shouldTruncateWithDefectWhenDecodedBytesExceedTheBudget() throws UnparseableMailException {
    MailParser small = new MailParser(new MailLimits(1_000_000, 50, 500, 64 * 1024, 10_000));
    String raw = "From: a@example.com\r\nContent-Type: application/octet-stream\r\n\r\n" + "y".repeat(50_000);

    ParsedMail mail = small.parse(raw.getBytes(StandardCharsets.US_ASCII));

    assertThat(totalBytes(mail)).isEqualTo(10_000);
    assertThat(mail.defects()).anyMatch(d -> d.contains("limit reached"));
  }

  @Example
  void shouldStopReadingWhenPartCountExceedsTheLimit() throws UnparseableMailException {
    MailParser small = new MailParser(new MailLimits(1_000_000, 50, 20, 64 * 1024, 1_000_000));
    StringBuilder raw = new StringBuilder("From: a@example.com\r\nContent-Type: multipart/mixed; boundary=p\r\n\r\n");
    for (int i = 0; i < 100; i++) {
      raw.append("--p\r\nContent-Type: application/octet-stream\r\n\r\npart").append(i).append("\r\n");
    }
    raw.append("--p--\r\n");

    ParsedMail mail = small.parse(raw.toString().getBytes(StandardCharsets.US_ASCII));

    assertThat(mail.attachments().size()).isLessThanOrEqualTo(20);
    assertThat(mail.defects()).anyMatch(d -> d.contains("more than 20 MIME parts"));
  }

  private ParsedMail assertParsesOrRejects(byte[] raw) {
    try {
      ParsedMail mail = parser.parse(raw);
      assertThat(mail.text()).isNotNull();
      assertThat(totalBytes(mail)).isLessThanOrEqualTo(MailLimits.defaults().maxDecodedBytes());
      return mail;
    } catch (UnparseableMailException e) {
      assertThat(e.getMessage()).isNotBlank();
      return null;
    }
  }

  private static long totalBytes(ParsedMail mail) {
    return mail.attachments().stream().mapToLong(MailAttachment::size).sum()
        + mail.attachedMessages().stream().mapToLong(MalformedMailPropertyTests::totalBytes).sum();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
