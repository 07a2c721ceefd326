package dev.tact.contact;

/**
 * One way to reach a person, normalised so that two spellings of the same address are one
 * identity: {@code value} is the lower-cased email address, the E.164 number, or
 * {@code network:handle}; {@code raw} is what was given.
 */
public record Identity(IdentityKind kind, String value, String raw) {

  /** For a handle, the network it lives on (e.g. {@code twitter}); otherwise null. */
  public String network() {
    return kind == IdentityKind.HANDLE ? value.substring(0, value.indexOf(':')) : null;
  }
}
