package dev.tact.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the facts a customer gives in passing: order, invoice and account numbers, amounts, dates, e-mail
 * addresses, phone numbers and the products a team knows. Patterns, not a model: a number counts only after a
 * word that says what it is (order, invoice, Rechnung, commande…), a phone number only when it looks like one
 * (leading + or 0, or after phone/tel/call), and a span already read as one fact is not read again as another
 * (a date is not also a phone number). Stateless and thread-safe.
 */
public final class FactExtractor {

  /*
   * The white space is read possessively (nothing after it can start with white space) and the number words are at
   * most four: a label followed by a pasted run of spaces or of "no" once took seconds or overflowed the stack.
   */
  private static final String NUMBER_WORD = "(?:\\s*+(?:number|no\\.?|nr\\.?|n°|num[ée]ro|nummer|id|ref\\.?|#)){0,4}";
  private static final String ID =
      "(?:\\s++(?:is|ist|est|es|lautet))?\\s*+[:#]?+\\s*+([A-Za-z]{0,6}[-/]?\\d[A-Za-z0-9/-]{2,30})";
  private static final String MONTHS = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
      + "aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|juni|"
      + "juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre)";

  private record Rule(Fact.Kind kind, Pattern pattern, int group) {}

  private static final List<Rule> RULES = List.of(
      new Rule(Fact.Kind.EMAIL, Pattern.compile("(?<![\\w.+-])[\\w.+-]{1,64}@[\\w-]+(?:\\.[\\w-]+)+"), 0),
      new Rule(Fact.Kind.INVOICE, Pattern.compile("(?iu)\\b(?:invoice|rechnung(?:snummer)?|facture|factura|fattura)"
          + NUMBER_WORD + ID), 1),
      new Rule(Fact.Kind.INVOICE, Pattern.compile("\\bINV[-/]?\\d[A-Z0-9/-]*\\b"), 0),
      new Rule(Fact.Kind.ORDER, Pattern.compile("(?iu)\\b(?:order|bestellung|bestellnummer|auftrag(?:snummer)?|"
          + "commande|pedido|ordine)" + NUMBER_WORD + ID), 1),
      new Rule(Fact.Kind.ACCOUNT, Pattern.compile("(?iu)\\b(?:(?:account|customer|client|contract)" + NUMBER_WORD
          + "|kundennummer|vertragsnummer)" + ID), 1),
      new Rule(Fact.Kind.DATE, Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b"), 0),
      new Rule(Fact.Kind.DATE, Pattern.compile("\\b\\d{1,2}[./]\\d{1,2}[./](?:\\d{4}|\\d{2})\\b"), 0),
      new Rule(Fact.Kind.DATE, Pattern.compile("(?iu)\\b\\d{1,2}(?:st|nd|rd|th|\\.)?\\s+(?:of\\s+)?" + MONTHS
          + "\\b\\.?(?:,?\\s+\\d{4})?"), 0),
      new Rule(Fact.Kind.DATE, Pattern.compile("(?iu)\\b" + MONTHS
          + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?"), 0),
      new Rule(Fact.Kind.AMOUNT, Pattern.compile("(?iu)(?:[€$£]\\s?\\d[\\d.,']{0,30}\\d|[€$£]\\s?\\d"
          + "|\\b\\d[\\d.,']{0,30}\\s?(?:€|\\$|£|eur|euros?|usd|gbp|chf|dollars?|pounds?)(?![\\p{L}]))"), 0),
      new Rule(Fact.Kind.PHONE, Pattern.compile("(?:\\+|\\b0|\\()[\\d()][\\d ()./-]{5,20}\\d"), 0),
      new Rule(Fact.Kind.PHONE, Pattern.compile("(?iu)(?:phone|tel\\.?|telephone|call me (?:on|at)|mobile|cell|"
          + "telefon|handy|téléphone|portable)\\s*+(?:number|nummer|no\\.?)?\\s*+:?+\\s*+(\\d[\\d ./-]{5,20}\\d)"), 1));

  /** The facts in these texts, each once, in the order of the kinds and then of first appearance. */
  public List<Fact> extract(Collection<String> texts, Collection<String> products) {
    List<Found> found = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    for (String text : texts) {
      if (text != null) {
        all.append(text.length() > 20_000 ? text.substring(0, 20_000) : text).append("\n\n");
      }
    }
    String text = all.toString();
    boolean[] taken = new boolean[text.length() + 1];
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(text);
      while (m.find()) {
        int start = m.start(rule.group());
        int end = m.end(rule.group());
        if (overlaps(taken, start, end) || !plausible(rule.kind(), m.group(rule.group()))) {
          continue;
        }
        for (int i = start; i < end; i++) {
          taken[i] = true;
        }
        found.add(new Found(rule.kind(), tidy(m.group(rule.group())), start));
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String product : products) {
      if (product == null || product.isBlank()) {
        continue;
      }
      Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(product.strip().toLowerCase(Locale.ROOT))
          + "(?![\\p{L}\\p{N}])").matcher(lower);
      if (m.find()) {
        found.add(new Found(Fact.Kind.PRODUCT, product.strip(), m.start()));
      }
    }
    found.sort(java.util.Comparator.comparing(Found::kind).thenComparingInt(Found::at));
    Set<Fact> facts = new LinkedHashSet<>();
    for (Found f : found) {
      facts.add(new Fact(f.kind(), f.value()));
    }
    return List.copyOf(facts);
  }

  private record Found(Fact.Kind kind, String value, int at) {}

  private static boolean overlaps(boolean[] taken, int start, int end) {
    for (int i = start; i < end; i++) {
      if (taken[i]) {
        return true;
      }
    }
    return false;
  }

  private static boolean plausible(Fact.Kind kind, String value) {
    if (kind == Fact.Kind.PHONE) {
      long digits = value.chars().filter(Character::isDigit).count();
      return digits >= 7 && digits <= 15;
    }
    return true;
  }

  private static String tidy(String value) {
    String v = value.strip().replaceAll("\\s+", " ");
    while (!v.isEmpty() && ".,;:".indexOf(v.charAt(v.length() - 1)) >= 0) {
      v = v.substring(0, v.length() - 1);
    }
    return v;
  }
}
