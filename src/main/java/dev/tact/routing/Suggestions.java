package dev.tact.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The model's top intents as stored with a conversation: {@code billing=0.4213,account=0.2011}. */
final class Suggestions {

  private Suggestions() {}

  static String write(List<Scored> top) {
    StringBuilder out = new StringBuilder();
    for (Scored s : top) {
      String next = s.intent() + "=" + String.format(Locale.ROOT, "%.4f", s.probability());
      if (out.length() + next.length() + 1 > 600) {
        break;
      }
      out.append(out.isEmpty() ? "" : ",").append(next);
    }
    return out.toString();
  }

  static List<Scored> read(String stored) {
    List<Scored> out = new ArrayList<>();
    if (stored == null || stored.isBlank()) {
      return out;
    }
    for (String part : stored.split(",")) {
      int eq = part.lastIndexOf('=');
      if (eq > 0) {
        try {
          out.add(new Scored(part.substring(0, eq), Double.parseDouble(part.substring(eq + 1))));
        } catch (NumberFormatException e) {
          // a damaged entry is skipped; the others still help the agent
        }
      }
    }
    return out;
  }
}
