package dev.tact.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTextCheckTests {

  @Test
  void shouldPassValidUtf8InEveryLengthAndEscapedTextEvenWhenItArrivesByteByByte() {
    String json = "{\"text\":\"Zoë, Łukasiewicz, 東京, 😀, \\ud83d\\ude00, \\u00e9, a \\\\u0000 that is text, \\n\"}";

    assertThatCode(() -> check(json.getBytes(StandardCharsets.UTF_8), 1)).doesNotThrowAnyException();
    assertThatCode(() -> check(json.getBytes(StandardCharsets.UTF_8), 4096)).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseBytesThatAreNotStrictUtf8() {
    byte[][] bad = {
        {'a', (byte) 0xFF}, // never UTF-8
        {(byte) 0xC3, '('}, // a lead byte without its continuation
        {(byte) 0x80}, // a continuation without its lead byte
        {(byte) 0xC0, (byte) 0x80}, // overlong NUL
        {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, // overlong three-byte form
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate encoded in UTF-8
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
        {'a', (byte) 0xE6, (byte) 0x9D}}; // cut off at the end
    for (byte[] bytes : bad) {
      RequestBodyException refused = catchThrowableOfType(RequestBodyException.class, () -> check(bytes, 1));
      assertThat(refused).as(java.util.HexFormat.of().formatHex(bytes)).isNotNull();
      assertThat(refused.code()).isEqualTo("invalid-utf8");
      assertThat(refused.status()).isEqualTo(400);
    }
  }

  @Test
  void shouldRefuseNulAndHalvesOfSurrogatePairs() {
    for (String text : new String[] {"a\\u0000b", "a\u0000b", "\\ud83d", "\\ud83dx", "\\ud83d\\n", "\\ude00",
        "\\ud83d\\ud83d", "\\uD83D\\u0041"}) {
      RequestBodyException refused = catchThrowableOfType(RequestBodyException.class,
          () -> check(("{\"t\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8), 3));
      assertThat(refused).as(text).isNotNull();
      assertThat(refused.code()).isEqualTo("invalid-text");
    }
  }

  private static void check(byte[] bytes, int chunk) throws RequestBodyException {
    JsonTextCheck check = new JsonTextCheck();
    for (int i = 0; i < bytes.length; i += chunk) {
      check.accept(bytes, i, Math.min(chunk, bytes.length - i));
    }
    check.end();
  }
}
