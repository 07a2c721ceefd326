package dev.tact.routing;

/**
 * Something the customer already told us, read from their messages, so that nobody asks again.
 *
 * @param kind what it is
 * @param value as the customer wrote it (whitespace tidied)
 */
public record Fact(Kind kind, String value) {

  public enum Kind {
    ORDER,
    INVOICE,
    ACCOUNT,
    AMOUNT,
    DATE,
    EMAIL,
    PHONE,
    PRODUCT
  }
}
