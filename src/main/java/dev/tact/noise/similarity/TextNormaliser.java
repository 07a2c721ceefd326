package dev.tact.noise.similarity;

import java.util.Locale;

/** INTERIM: replaced by noise-core's normaliser at merge. */
public final class TextNormaliser {

  public String normalise(String text) {
    if (text == null) {
      return "";
    }
    String noLinks = text.replaceAll("(https?://[^\\s?#]+)[?#]\\S*", "$1");
    return noLinks.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
