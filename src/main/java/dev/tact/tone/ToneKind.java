package dev.tact.tone;

/** What makes a phrase land badly. */
public enum ToneKind {
  /** Insults, swearing, threats. */
  HOSTILE,
  /** Praise or surprise that means the opposite ("Really?", "Thanks a lot"). */
  SARCASTIC,
  /** Brushing the person or the problem off ("whatever", "just google it"). */
  DISMISSIVE,
  /** Talking down to the reader ("do you even know", "is that clear?"). */
  CONDESCENDING,
  /** Putting the fault on the reader ("you should have", "your fault"). */
  BLAMING,
  /** Capitals or piled-up punctuation read as shouting. */
  SHOUTING;

  /** Lower-case name for the API and the page ("hostile"). */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
