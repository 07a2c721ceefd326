package dev.tact.mail;

import dev.tact.mail.reply.ReplyRule;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How well the reply rules generalise to fixtures they were not chosen on. The corpora come in families that share
 * fixtures (github's parser and its Python port; willdurand's PHP port and crisp's fork of it; Discourse's trimmer
 * and its receiver; talon's three sets), so one family at a time is left out: starting from every {@link ReplyRule},
 * a rule is dropped when the other families' fixtures match exactly more often without it; the rules kept are then
 * scored on the family left out. The vocabulary (verbs, field names, separators) is always in.
 */
final class LeaveOneFamilyOut {

  static final Map<String, List<String>> FAMILIES = families();

  private LeaveOneFamilyOut() {
  }

  private static Map<String, List<String>> families() {
    Map<String, List<String>> families = new LinkedHashMap<>();
    families.put("github + zapier", List.of("reply-github-email_reply_parser", "reply-zapier-email-reply-parser"));
    families.put("willdurand + crisp", List.of("reply-willdurand-EmailReplyParser", "reply-crisp-email-reply-parser"));
    families.put("discourse trimmer + receiver", List.of("reply-discourse-email_reply_trimmer",
        "email-discourse-receiver-labels"));
    families.put("talon (3 sets)", List.of("talon-standard-replies", "talon-html-replies", "talon-signatures"));
    return families;
  }

  /** One held-out family's figures. */
  record Result(String family, int fixtures, Set<ReplyRule> dropped, int exactChosen, int exactAll, int exactNone) {
  }

  static List<Result> run() {
    Map<String, List<ReplyCorpus.Case>> cases = new LinkedHashMap<>();
    FAMILIES.values().forEach(list -> list.forEach(c -> cases.put(c, ReplyCorpus.load(c))));
    return FAMILIES.entrySet().stream().map(e -> {
      List<ReplyCorpus.Case> heldOut = e.getValue().stream().flatMap(c -> cases.get(c).stream()).toList();
      List<ReplyCorpus.Case> others = cases.entrySet().stream().filter(c -> !e.getValue().contains(c.getKey()))
          .flatMap(c -> c.getValue().stream()).toList();
      Set<ReplyRule> rules = ReplyRule.all();
      int exactWithRules = exact(others, rules);
      for (ReplyRule rule : ReplyRule.values()) {
        Set<ReplyRule> without = EnumSet.copyOf(rules);
        without.remove(rule);
        int exactWithout = exact(others, without);
        if (exactWithout > exactWithRules) {
          rules = without;
          exactWithRules = exactWithout;
        }
      }
      Set<ReplyRule> dropped = EnumSet.complementOf(EnumSet.copyOf(rules));
      int fixtures = ReplyAccuracyReport.measure(heldOut, new ReplyExtractor(rules)).fixtures();
      return new Result(e.getKey(), fixtures, dropped, exact(heldOut, rules), exact(heldOut, ReplyRule.all()),
          exact(heldOut, EnumSet.noneOf(ReplyRule.class)));
    }).toList();
  }

  private static int exact(List<ReplyCorpus.Case> cases, Set<ReplyRule> rules) {
    return ReplyAccuracyReport.measure(cases, new ReplyExtractor(rules)).exact();
  }

  static String table() {
    List<Result> results = run();
    StringBuilder out = new StringBuilder("Leave one family out (rules chosen on the other families' dev fixtures, "
        + "scored on the family left out):\n\n| Family left out | Fixtures | Rules dropped by the choice | Exact, rules "
        + "chosen without it | Exact, all rules | Exact, none of the issue-14 rules |\n|---|---:|---|---:|---:|---:|\n");
    int[] total = new int[4];
    for (Result r : results) {
      out.append(String.format("| %s | %d | %s | %s | %s | %s |%n", r.family(), r.fixtures(),
          r.dropped().isEmpty() ? "none" : r.dropped().stream().map(Enum::name).collect(Collectors.joining(", ")),
          share(r.exactChosen(), r.fixtures()), share(r.exactAll(), r.fixtures()), share(r.exactNone(), r.fixtures())));
      total[0] += r.fixtures();
      total[1] += r.exactChosen();
      total[2] += r.exactAll();
      total[3] += r.exactNone();
    }
    out.append(String.format("| **all** | %d | | %s | %s | %s |%n", total[0], share(total[1], total[0]),
        share(total[2], total[0]), share(total[3], total[0])));
    return out.toString();
  }

  private static String share(int count, int of) {
    return String.format("%d (%.1f%%)", count, 100.0 * count / Math.max(1, of));
  }
}
