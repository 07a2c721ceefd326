package dev.tact.contact;

/** Names as the person gave them; any may be null. Nothing here is case-folded or transliterated. */
public record ContactNames(String displayName, String givenName, String familyName) {

  public ContactNames {
    displayName = blankToNull(displayName);
    givenName = blankToNull(givenName);
    familyName = blankToNull(familyName);
  }

  boolean isEmpty() {
    return displayName == null && givenName == null && familyName == null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
