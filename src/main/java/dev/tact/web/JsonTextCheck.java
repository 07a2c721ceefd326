package dev.tact.web;

/**
 * Checks the bytes of a JSON body as they stream past: strict UTF-8 (RFC 3629: no overlong forms, no encoded
 * surrogates, nothing above U+10FFFF, nothing cut off), and no text Tact could not store: a NUL, raw or as the
 * escape backslash-u0000, and no backslash-u escape of half a surrogate pair. A decoder would otherwise turn bad bytes into
 * U+FFFD without a word, and PostgreSQL refuses NUL in text (the message would be parked later instead of refused
 * now). Escapes are recognised without tracking strings: outside a string a backslash is not JSON anyway.
 */
final class JsonTextCheck {

  private long offset;

  // UTF-8: continuation bytes still due, and the range the next one must be in
  private int continuations;
  private int lowest = 0x80;
  private int highest = 0xBF;

  // escapes: 0 none, 1 after a backslash, 2 to 5 after that many characters of a backslash-u escape
  private int escape;
  private int unit;
  private boolean lowSurrogateDue;

  void accept(byte[] bytes, int from, int length) throws RequestBodyException {
    for (int i = from; i < from + length; i++) {
      accept(bytes[i] & 0xFF);
      offset++;
    }
  }

  void accept(int b) throws RequestBodyException {
    if (continuations > 0) {
      if (b < lowest || b > highest) {
        throw RequestBodyException.invalidUtf8(offset);
      }
      continuations--;
      lowest = 0x80;
      highest = 0xBF;
      return;
    }
    if (b >= 0x80) {
      leadByte(b);
      escaped(-1);
      return;
    }
    escaped(b);
  }

  /** At the end of the body: nothing may be left half done. */
  void end() throws RequestBodyException {
    if (continuations > 0) {
      throw RequestBodyException.invalidUtf8(offset);
    }
    if (lowSurrogateDue) {
      throw RequestBodyException.invalidText("half of a surrogate pair", offset);
    }
  }

  private void leadByte(int b) throws RequestBodyException {
    if (b >= 0xC2 && b <= 0xDF) {
      continuations = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      continuations = 2;
      lowest = b == 0xE0 ? 0xA0 : 0x80;
      highest = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
      continuations = 3;
      lowest = b == 0xF0 ? 0x90 : 0x80;
      highest = b == 0xF4 ? 0x8F : 0xBF;
    } else {
      throw RequestBodyException.invalidUtf8(offset);
    }
  }

  /** One character of the text (an ASCII byte, or -1 for any other character). */
  private void escaped(int c) throws RequestBodyException {
    if (c == 0) {
      throw RequestBodyException.invalidText("a NUL character", offset);
    }
    switch (escape) {
      case 0 -> {
        if (c == '\\') {
          escape = 1;
        } else {
          requireNoLowSurrogateDue();
        }
      }
      case 1 -> {
        if (c == 'u') {
          escape = 2;
          unit = 0;
        } else {
          requireNoLowSurrogateDue();
          escape = 0;
        }
      }
      default -> hexDigit(c);
    }
  }

  private void hexDigit(int c) throws RequestBodyException {
    int digit = c < 0 ? -1 : Character.digit(c, 16);
    if (digit < 0) { // not an escape after all: the JSON parser refuses it
      escape = 0;
      lowSurrogateDue = false;
      return;
    }
    unit = unit * 16 + digit;
    if (++escape < 6) {
      return;
    }
    escape = 0;
    if (unit == 0) {
      throw RequestBodyException.invalidText("a NUL character (\\u0000)", offset);
    }
    boolean high = unit >= 0xD800 && unit <= 0xDBFF;
    boolean low = unit >= 0xDC00 && unit <= 0xDFFF;
    if (lowSurrogateDue != low) {
      throw RequestBodyException.invalidText("half of a surrogate pair", offset);
    }
    lowSurrogateDue = high;
  }

  private void requireNoLowSurrogateDue() throws RequestBodyException {
    if (lowSurrogateDue) {
      throw RequestBodyException.invalidText("half of a surrogate pair", offset);
    }
  }
}
