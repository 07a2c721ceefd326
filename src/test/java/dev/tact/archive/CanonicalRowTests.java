package dev.tact.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The byte writer of a row gives what the format says, and what {@link CanonicalJson#parseArray} reads back. */
class CanonicalRowTests {

  @Test
  void textIsUtf8WithOnlyQuotesBackslashesAndControlCharactersEscaped() throws IOException {
    String text = "Grüße \"quoted\" back\\slash\ttab\nline\u0001 € 😀 /";
    CanonicalRow row = new CanonicalRow();
    row.startRow();
    row.string(text);
    row.string(null);
    row.endRow();

    assertThat(written(row)).isEqualTo(
        "[\"Grüße \\\"quoted\\\" back\\\\slash\\ttab\\nline\\u0001 € 😀 /\",null]\n");
    assertThat(CanonicalJson.parseArray(line(row), "test")).containsExactly(text, null);
  }

  @Test
  void aLoneSurrogateIsWrittenAsAQuestionMark() throws IOException {
    CanonicalRow row = new CanonicalRow();
    row.startRow();
    row.string("a\uD800b");
    row.endRow();

    assertThat(written(row)).isEqualTo("[\"a?b\"]\n");
  }

  @Test
  void numbersUuidsAndBytesAreWrittenAsTheirUsualForms() throws IOException {
    UUID id = UUID.randomUUID();
    UUID leadingZeros = new UUID(0x000000000000000FL, 0x00000000000000A0L);
    CanonicalRow row = new CanonicalRow();
    row.startRow();
    for (long value : List.of(0L, 7L, 10L, 1234567890123L, -42L, Long.MAX_VALUE, Long.MIN_VALUE)) {
      row.integer(value);
    }
    row.uuid(id);
    row.uuid(leadingZeros);
    row.uuid(null);
    row.base64(new byte[] {0, (byte) 0xFF, 'a'});
    row.literal("true");
    row.nullValue();
    row.endRow();

    assertThat(written(row)).isEqualTo("[0,7,10,1234567890123,-42," + Long.MAX_VALUE + "," + Long.MIN_VALUE
        + ",\"" + id + "\",\"" + leadingZeros + "\",null,\"AP9h\",true,null]\n");
  }

  @Test
  void aRowLongerThanTheBufferIsWrittenWhole() throws IOException {
    String large = "x".repeat(5000);
    CanonicalRow row = new CanonicalRow();
    row.startRow();
    row.string(large);
    row.string(large);
    row.endRow();

    assertThat(CanonicalJson.parseArray(line(row), "test")).containsExactly(large, large);
  }

  @Test
  void instantsAreWrittenAsTheIsoFormatterWritesThem() throws IOException {
    Random random = new Random(7);
    List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(-1, 999_999_000),
        Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("0999-12-31T23:59:59.5Z"),
        Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.MIN,
        Instant.MAX, Instant.parse("2026-12-07T04:33:00Z"), Instant.parse("2026-12-07T04:33:14.100Z")));
    for (int i = 0; i < 2000; i++) {
      int nano = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1000;
        default -> random.nextInt(1_000_000_000);
      };
      instants.add(Instant.ofEpochSecond(random.nextLong(-40_000_000_000L, 300_000_000_000L), nano));
    }
    for (Instant instant : instants) {
      CanonicalRow row = new CanonicalRow();
      row.startRow();
      row.instant(instant.getEpochSecond(), instant.getNano());
      row.endRow();

      assertThat(written(row)).isEqualTo("[\"" + DateTimeFormatter.ISO_INSTANT.format(instant) + "\"]\n");
    }
  }

  @Test
  void bytesOfEveryLengthAreBase64AsTheJdkEncodesThem() throws IOException {
    Random random = new Random(3);
    for (int length = 0; length < 70; length++) {
      byte[] bytes = new byte[length + 2];
      random.nextBytes(bytes);
      CanonicalRow row = new CanonicalRow();
      row.startRow();
      row.base64(bytes, 1, length);
      row.endRow();

      assertThat(written(row)).isEqualTo("[\"" + Base64.getEncoder().encodeToString(
          Arrays.copyOfRange(bytes, 1, length + 1)) + "\"]\n");
    }
  }

  private static String written(CanonicalRow row) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    row.writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String line(CanonicalRow row) throws IOException {
    String text = written(row);
    return text.substring(0, text.length() - 1);
  }
}
