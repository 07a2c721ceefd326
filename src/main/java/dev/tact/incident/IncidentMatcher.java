package dev.tact.incident;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a customer's message reports one of the open incidents, from what it says: a component's name or
 * keyword together with words of an outage, the front door's outage intent, and how much it shares with the
 * incident's own text and the reports already linked. A pure function of its inputs.
 */
final class IncidentMatcher {

  /** Words customers use for a service that fails them, in a few languages (the intent model covers the rest). */
  private static final Pattern OUTAGE_WORDS = Pattern.compile("\\b(down|outage|offline|unreachable|unavailable|"
      + "not (loading|working|responding|reachable|available)|doesn.?t (load|work|respond)|does not (load|work)|"
      + "can.?t (reach|access|connect|log ?in|load|open)|cannot (reach|access|connect|log ?in|load|open)|"
      + "unable to (reach|access|connect|log ?in|load)|timing out|timed? ?out|time-?outs?|error (5\\d\\d)|5\\d\\d error|"
      + "bad gateway|service unavailable|broken|stopped working|slow|lag+ing|crash(ed|es|ing)?|fails?|failing|failed|"
      + "no (connection|service|access)|ne (marche|fonctionne) (pas|plus)|en panne|inaccessible|funktioniert nicht|"
      + "ausfall|nicht erreichbar|no funciona|ca[ií]do|sin servicio)\\b");
  private static final Set<String> STOPWORDS = Set.of("the", "and", "for", "with", "our", "your", "you", "are",
      "was", "were", "this", "that", "have", "has", "not", "but", "from", "all", "can", "any", "since", "there",
      "what", "when", "who", "its", "it's", "just", "been", "will", "would", "could", "please", "hello", "thanks",
      "thank", "regards", "hi", "dear", "team", "support", "some", "more", "also", "they", "them", "about", "into",
      "out", "get", "got", "one", "now", "today", "again", "still", "very", "here", "which");

  /** How much a message must share with a linked report to count as a report too, with no word of an outage. */
  static final double SIMILAR_ALONE = 0.45;
  /** How much it must share when the front door or its words say it is about an outage. */
  static final double SIMILAR_WITH_OUTAGE = 0.12;

  /** An open incident as the matcher sees it: its words and those of its components and linked reports. */
  record Profile(Incident incident, List<String> componentTerms, String text, List<String> reports) {}

  /** The incident a message reports, and why in words. */
  record Match(Incident incident, String reason) {}

  private IncidentMatcher() {}

  static Optional<Match> match(String message, boolean outageIntent, List<Profile> open) {
    if (message == null || message.isBlank() || open.isEmpty()) {
      return Optional.empty();
    }
    String folded = fold(message);
    boolean outageWords = OUTAGE_WORDS.matcher(folded).find();
    Set<String> terms = terms(folded);
    Match best = null;
    double bestScore = 0;
    for (Profile profile : open) {
      String named = named(folded, profile.componentTerms());
      double similarity = similarity(terms, profile);
      double likeReports = likeReports(terms, profile);
      double score;
      String reason;
      if (named != null && (outageWords || outageIntent)) {
        score = 2 + similarity;
        reason = "names " + named + (outageIntent ? " and is about an outage" : " and says it fails");
      } else if ((outageIntent || outageWords) && similarity >= SIMILAR_WITH_OUTAGE) {
        score = 1 + similarity;
        reason = "about an outage, " + percent(similarity) + " like the incident and its reports";
      } else if (outageIntent && open.size() == 1) {
        score = 0.5;
        reason = "about an outage while it is the only open incident";
      } else if (likeReports >= SIMILAR_ALONE) {
        score = likeReports;
        reason = percent(likeReports) + " like the reports linked to it";
      } else {
        continue;
      }
      if (score > bestScore) {
        bestScore = score;
        best = new Match(profile.incident(), reason);
      }
    }
    return Optional.ofNullable(best);
  }

  private static String named(String folded, List<String> componentTerms) {
    for (String term : componentTerms) {
      String t = fold(term).strip();
      if (t.length() >= 3 && Pattern.compile("\\b" + Pattern.quote(t) + "\\b").matcher(folded).find()) {
        return term;
      }
    }
    return null;
  }

  /** How much the message shares with the incident's own text or any of its reports, the best. */
  private static double similarity(Set<String> message, Profile profile) {
    return Math.max(overlap(message, terms(fold(profile.text()))), likeReports(message, profile));
  }

  private static double likeReports(Set<String> message, Profile profile) {
    double best = 0;
    for (String report : profile.reports()) {
      best = Math.max(best, overlap(message, terms(fold(report))));
    }
    return best;
  }

  private static double overlap(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int shared = 0;
    for (String t : a) {
      if (b.contains(t)) {
        shared++;
      }
    }
    return shared / Math.sqrt((double) a.size() * b.size());
  }

  static Set<String> terms(String folded) {
    Set<String> terms = new HashSet<>();
    for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
      if (word.length() >= 3 && !STOPWORDS.contains(word)) {
        terms.add(stem(word));
      }
    }
    return terms;
  }

  /** A light English stem: enough that "sites" meets "site" and "loading" meets "load". */
  private static String stem(String word) {
    for (String suffix : List.of("ing", "ed", "es", "s")) {
      if (word.length() > suffix.length() + 3 && word.endsWith(suffix)) {
        return word.substring(0, word.length() - suffix.length());
      }
    }
    return word;
  }

  static String fold(String text) {
    String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replace('’', '\'');
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }
}
