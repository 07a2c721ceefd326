package dev.tact.policy.ledger;

import dev.tact.shared.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a customer's message for opt-out wording. CLEAR: a whole-message keyword ("STOP",
 * "unsubscribe") or a phrase that asks not to be contacted ("please don't call me again",
 * "remove me from your mailing list", "not interested" in a short answer), in English and a few
 * other languages; the channel is the one named ("call" → phone, "text" → SMS, "mailing list" →
 * email), the one a bare keyword came on, or every channel. UNCLEAR: opt-out words without a
 * clear request ("stop it", "the unsubscribe link is broken", "why did you stop calling me?"),
 * for an agent to judge. Words such as "stop" inside ordinary sentences ("I can't stop the
 * error"), a short command with an object ("cancel order 123", "stop the transaction"), "don't call me
 * Bill" (a name) and "spam" alone ("looks like spam to me") are NONE. Pure and thread-safe.
 */
public final class OptOutClassifier {

  /** How sure the classifier is. */
  public enum Verdict {
    CLEAR,
    UNCLEAR,
    NONE
  }

  /** The verdict, the channel the opt-out names (null = every channel) and the words that decided. */
  public record Signal(Verdict verdict, Channel channel, String phrase) {

    static final Signal NONE = new Signal(Verdict.NONE, null, "");
  }

  private enum Target { PHONE, SMS, EMAIL, ALL, EMAIL_UNLESS_SMS }

  private record Rule(Pattern pattern, Target target) {}

  private static final String ME = "(?:me|us|this number|my (?:cell|mobile|phone|number|wife|husband))";
  private static final String NEG = "(?:don'?t|do not|dont|never|pls don'?t|please don'?t|stop)";

  private static final List<Rule> CLEAR_RULES = List.of(
      rule(NEG + " (?:ever )?(?:call|calling|ring|ringing|phone|phoning) " + ME + "(?! back)", Target.PHONE),
      rule("no more (?:phone |sales |cold )?calls", Target.PHONE),
      rule("(?:take|remove|put) (?:me|my number) (?:off|from|on) (?:your|the|this) (?:call(?:ing)?|phone|do not call)"
          + " list", Target.PHONE),
      rule(NEG + " (?:text|texting|sms|sms-?ing) " + ME, Target.SMS),
      rule("stop (?:sending )?(?:me )?(?:texts|text messages|sms)", Target.SMS),
      rule("no more (?:texts|text messages|sms)", Target.SMS),
      rule(NEG + " (?:e-?mail|e-?mailing) " + ME, Target.EMAIL),
      rule("stop sending (?:me )?(?:e-?mails|newsletters|your newsletter)", Target.EMAIL),
      rule("no more (?:e-?mails|newsletters)", Target.EMAIL),
      rule("(?:take|remove) me (?:off|from) (?:your|the|this|all) (?:mailing|e-?mail|newsletter|marketing e-?mail)"
          + " lists?", Target.EMAIL),
      rule("unsubscribe me|(?:please|pls|kindly) unsubscribe|"
          + "i(?: want| would like| wish|'d like| need)? to unsubscribe", Target.EMAIL_UNLESS_SMS),
      rule(NEG + " (?:contact|contacting|bother|bothering|pester|pestering|harass|harassing|spam|spamming|message|"
          + "messaging) (?:me|us)", Target.ALL),
      rule("leave me alone", Target.ALL),
      rule("(?:take|remove) me (?:off|from) (?:your|the|this|all|any)(?: (?:of )?your)? (?:lists?|database|contact list|"
          + "marketing(?: lists?)?)", Target.ALL),
      rule("opt me out|i(?: want| would like| wish|'d like)? to opt[ -]?out|i opt[ -]?out", Target.ALL),
      rule("stop sending (?:me )?(?:these|this|this stuff|marketing|promotions|offers|ads|advertising|spam|"
          + "messages|your (?:offers|ads|promotions|marketing))", Target.ALL),
      // French, German, Spanish, Italian, Portuguese, Dutch
      rule("ne (?:m'|me )?(?:appelez|t[ée]l[ée]phonez) plus|arr[eê]tez de m'appeler|ne plus (?:m'appeler|me t[ée]l[ée]phoner)",
          Target.PHONE),
      rule("ne (?:me )?contactez plus|arr[eê]tez de me contacter|ne plus me contacter", Target.ALL),
      rule("(?:me )?d[ée]sabonner|d[ée]sabonnez-moi|d[ée]sinscri(?:re|vez)-moi", Target.EMAIL_UNLESS_SMS),
      rule("rufen sie mich (?:bitte )?nicht (?:mehr )?an|keine anrufe mehr", Target.PHONE),
      rule("kontaktieren sie mich (?:bitte )?nicht mehr|keine werbung mehr", Target.ALL),
      rule("(?:bitte )?keine (?:e-?mails|mails|newsletter) mehr|ich m(?:ö|oe)chte mich (?:vom \\p{L}+ )?abmelden",
          Target.EMAIL_UNLESS_SMS),
      rule("(?:melden|tragen) sie mich (?:bitte )?(?:\\p{L}+ ){0,4}(?:ab|aus)\\b", Target.EMAIL_UNLESS_SMS),
      rule("no me (?:llamen|llames|vuelvan a llamar)", Target.PHONE),
      rule("no me (?:contacten|contactes|escriban)|dar(?:me)? de baja", Target.ALL),
      rule("no me (?:env[ií]en|env[ií]es|manden|mandes) m[aá]s (?:correos|e-?mails|mensajes)", Target.EMAIL_UNLESS_SMS),
      rule("non (?:mi )?chiamate(?:mi)? pi[uù]|non chiamatemi", Target.PHONE),
      rule("non (?:mi )?contattate(?:mi)?(?: pi[uù])?|cancellatemi dalla (?:vostra )?(?:lista|mailing list)",
          Target.ALL),
      rule("n[ãa]o me (?:liguem|ligue)", Target.PHONE),
      rule("n[ãa]o (?:me )?(?:enviem|mandem) mais|n[ãa]o quero (?:mais )?receber", Target.ALL),
      rule("bel (?:me|mij) (?:alstublieft |aub |a\\.u\\.b\\. |a\\.u\\.b\\.? )?niet(?: meer)?", Target.PHONE),
      rule("(?:stuur|mail) (?:me|mij) geen (?:e-?mails|mails|berichten|nieuwsbrieven) meer|(?:ik wil )?(?:me|mij) "
          + "uitschrijven|schrijf (?:me|mij) uit", Target.EMAIL_UNLESS_SMS));

  private static final Pattern NOT_INTERESTED = Pattern.compile(
      "\\b(?:not interested|nicht interessiert|pas int[ée]ress[ée]e?|no (?:me )?interesa|niet ge[iï]nteresseerd)\\b");

  /** Whole-message keywords (carrier STOP family and their cousins), honoured on the channel they came on. */
  private static final Set<String> KEYWORDS = Set.of("stop", "stopall", "stop all", "unsubscribe", "optout",
      "opt out", "opt-out", "revoke", "remove me", "unsubscribe me", "arret", "arrêt", "stopp", "baja", "parar");
  /** STOP-family words that mean opt-out only as a whole SMS. */
  private static final Set<String> SMS_KEYWORDS = Set.of("cancel", "end", "quit");

  // "spam" alone is not here: "looks like spam to me" or "your mails land in spam" asks for nothing
  private static final Pattern UNCLEAR_WORDS = Pattern.compile("\\b(?:unsubscrib\\w*|opt[ -]?out|optout|"
      + "do not call|dnc|remove me|take me off|stop (?:sending|calling|texting|e-?mailing|contacting)|"
      + "too many (?:e-?mails|calls|messages|texts)|abmelden|d[ée]sabonne\\w*)\\b");
  private static final Pattern STOP_WORD = Pattern.compile("\\b(?:stop|cancel|quit|enough)\\b");
  /**
   * Words that may stand beside a bare "stop" without giving it an object: "stop it", "please just stop now".
   * "Stop the transaction" or "cancel order 123" name what to stop, and that is not contact.
   */
  private static final Set<String> FILLERS = Set.of("stop", "cancel", "quit", "enough", "it", "that", "this", "now",
      "please", "pls", "plz", "just", "ok", "okay", "oh", "oops", "nevermind", "never", "mind", "already", "all",
      "everything", "i", "said", "repeat", "can", "you", "will", "would", "hey", "really", "seriously", "immediately",
      "right", "asap", "thanks", "thank", "is", "enough.", "and");
  /**
   * Words that may follow "call me" in "don't call me ..." when it asks not to be called; any other word names the
   * person ("don't call me Bill, call me Bob"), which is not an opt-out.
   */
  private static final Set<String> AFTER_CALL_ME = Set.of("again", "anymore", "any", "ever", "never", "at", "on",
      "in", "during", "before", "after", "every", "each", "please", "pls", "plz", "thanks", "thank", "about",
      "regarding", "with", "for", "or", "and", "until", "till", "unless", "so", "today", "tonight", "tomorrow",
      "this", "these", "those", "the", "a", "an", "from", "anytime", "late", "early", "outside", "between", "if",
      "when", "i", "we", "it", "you", "but", "because", "as", "while", "here", "there", "now", "again.", "no",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekends", "mornings",
      "evenings", "nights", "ever.", "over");
  private static final Pattern CALL_ME = Pattern.compile("(?:call|calling|ring|ringing|phone|phoning) me$");
  private static final Pattern NEXT_WORD = Pattern.compile("^\\s+([\\p{L}']+)");
  /** Words before a clear phrase that turn it into a question or a report, not a request. */
  private static final Pattern DOUBT = Pattern.compile("\\b(?:why|did you|didn'?t|if|when|whether|will you|"
      + "are you going to|how (?:do|can|to)|told me|said|(?:tell|ask) (?:him|her|them|\\p{L}+) to)\\b");
  /** Punctuation and space at either end; the one at the end is tried only where such a run starts (linear). */
  private static final Pattern EDGES = Pattern.compile(
      "^[\\p{P}\\p{S}\\s]++|(?<![\\p{P}\\p{S}\\s])[\\p{P}\\p{S}\\s]++$");
  private static final Pattern POLITE = Pattern.compile("^(?:please |pls |plz )|(?: please| pls| plz| thanks| thank you)$");

  public Signal classify(String text, Channel cameOn) {
    if (text == null || text.isBlank()) {
      return Signal.NONE;
    }
    String t = normalise(text);
    String bare = bare(t);
    if (KEYWORDS.contains(bare)) {
      return new Signal(Verdict.CLEAR, cameOn, bare);
    }
    if (SMS_KEYWORDS.contains(bare)) {
      return cameOn == Channel.SMS ? new Signal(Verdict.CLEAR, cameOn, bare)
          : new Signal(Verdict.UNCLEAR, cameOn, bare);
    }
    Signal doubtful = null;
    for (Rule rule : CLEAR_RULES) {
      Matcher m = rule.pattern().matcher(t);
      while (m.find()) {
        if (namesSomeone(t, m)) {
          continue;
        }
        if (doubted(t, m.start())) {
          doubtful = doubtful == null ? new Signal(Verdict.UNCLEAR, channel(rule.target(), cameOn), m.group())
              : doubtful;
        } else {
          return new Signal(Verdict.CLEAR, channel(rule.target(), cameOn), m.group());
        }
      }
    }
    Matcher notInterested = NOT_INTERESTED.matcher(t);
    if (notInterested.find()) {
      boolean shortAnswer = words(t) <= 8 && !doubted(t, notInterested.start());
      return new Signal(shortAnswer ? Verdict.CLEAR : Verdict.UNCLEAR, null, notInterested.group());
    }
    if (doubtful != null) {
      return doubtful;
    }
    Matcher unclear = UNCLEAR_WORDS.matcher(t);
    if (unclear.find() && !namesSomeone(t, unclear.end(), unclear.group())) {
      return new Signal(Verdict.UNCLEAR, channel(Target.ALL, cameOn), unclear.group());
    }
    Matcher stop = STOP_WORD.matcher(bare);
    if (words(bare) <= 3 && stop.find() && onlyFillers(bare)) {
      return new Signal(Verdict.UNCLEAR, cameOn, bare);
    }
    return Signal.NONE;
  }

  /** "Don't call me Bill": the words after "call me" name the person instead of asking not to be called. */
  private static boolean namesSomeone(String t, Matcher m) {
    return namesSomeone(t, m.end(), m.group());
  }

  private static boolean namesSomeone(String t, int end, String phrase) {
    String rest = t.substring(end, Math.min(t.length(), end + 40));
    if (!CALL_ME.matcher(phrase).find()) {
      // "stop calling" found alone: look at what follows it
      if (!phrase.endsWith("calling") || !rest.startsWith(" me")) {
        return false;
      }
      rest = rest.substring(3);
    }
    Matcher next = NEXT_WORD.matcher(rest);
    return next.find() && !AFTER_CALL_ME.contains(next.group(1));
  }

  /** Whether every word of a short message is a stop word or a filler ("stop it now"), none an object. */
  private static boolean onlyFillers(String bare) {
    for (String word : bare.split("[\\s,.;:!?]+")) {
      if (!word.isEmpty() && !FILLERS.contains(word)) {
        return false;
      }
    }
    return true;
  }

  private static Channel channel(Target target, Channel cameOn) {
    return switch (target) {
      case PHONE -> Channel.PHONE;
      case SMS -> Channel.SMS;
      case EMAIL -> Channel.EMAIL;
      case EMAIL_UNLESS_SMS -> cameOn == Channel.SMS ? Channel.SMS : Channel.EMAIL;
      case ALL -> null;
    };
  }

  /** Whether the words between the sentence's start and the phrase make it a question or a report. */
  private static boolean doubted(String t, int phraseStart) {
    int sentence = Math.max(Math.max(t.lastIndexOf('.', phraseStart - 1), t.lastIndexOf('!', phraseStart - 1)),
        Math.max(t.lastIndexOf('?', phraseStart - 1), t.lastIndexOf('\n', phraseStart - 1)));
    return DOUBT.matcher(t.substring(sentence + 1, phraseStart)).find();
  }

  /*
   * White space around a line break, tried only where a run of white space starts (the lookbehind): from every position
   * of a long run without a line break (carriage returns), the run was read to its end each time (20,000: seconds).
   */
  private static final Pattern LINE_BREAK_WITH_SPACE = Pattern.compile("(?<!\\s)\\s*\\n\\s*");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0]+");

  private static String normalise(String text) {
    String t = text.length() > 20_000 ? text.substring(0, 20_000) : text;
    String lower = t.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'');
    return LINE_BREAK_WITH_SPACE.matcher(SPACES.matcher(lower).replaceAll(" ")).replaceAll("\n").strip();
  }

  private static String bare(String t) {
    String s = EDGES.matcher(t).replaceAll("").replaceAll("\\s+", " ");
    for (int i = 0; i < 2; i++) {
      s = EDGES.matcher(POLITE.matcher(s).replaceAll("")).replaceAll("");
    }
    return s;
  }

  private static int words(String t) {
    String s = t.strip();
    return s.isEmpty() ? 0 : s.split("\\s+").length;
  }

  private static Rule rule(String regex, Target target) {
    return new Rule(Pattern.compile("\\b(?:" + regex + ")"), target);
  }
}
