package dev.tact.policy.ledger;

import dev.tact.shared.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

  private record Rule(Pattern pattern, Target target, Cues cues) {}

  private static final String ME = "(?:me|us|this number|my (?:cell|mobile|phone|number|wife|husband))";
  private static final String NEG = "(?:don'?t|do not|dont|never|pls don'?t|please don'?t|stop)";
  /** What a match of {@link #ME} and of {@link #NEG} holds, in {@link Cues}' words: {@code _} is a space. */
  private static final String ME_CUES = "_me|_us|_this_number|_my_";
  private static final String NEG_CUES = "don|do_not|never|stop";

  private static final List<Rule> CLEAR_RULES = List.of(
      rule(NEG + " (?:ever )?(?:call|calling|ring|ringing|phone|phoning) " + ME + "(?! back)", Target.PHONE,
          NEG_CUES + " & _call|_ring|_phon & " + ME_CUES),
      rule("no more (?:phone |sales |cold )?calls", Target.PHONE, "no_more & calls"),
      rule("(?:take|remove|put) (?:me|my number) (?:off|from|on) (?:your|the|this) (?:call(?:ing)?|phone|do not call)"
          + " list", Target.PHONE, "_list & take_m|remove_m|put_m"),
      rule(NEG + " (?:text|texting|sms|sms-?ing) " + ME, Target.SMS, NEG_CUES + " & _text|_sms & " + ME_CUES),
      rule("stop (?:sending )?(?:me )?(?:texts|text messages|sms)", Target.SMS, "stop_ & _text|_sms"),
      rule("no more (?:texts|text messages|sms)", Target.SMS, "no_more_text|no_more_sms"),
      rule(NEG + " (?:e-?mail|e-?mailing) " + ME, Target.EMAIL, NEG_CUES + " & _email|_e-mail & " + ME_CUES),
      rule("stop sending (?:me )?(?:e-?mails|newsletters|your newsletter)", Target.EMAIL, "stop_sending"),
      rule("no more (?:e-?mails|newsletters)", Target.EMAIL, "no_more_e|no_more_newsletters"),
      rule("(?:take|remove) me (?:off|from) (?:your|the|this|all) (?:mailing|e-?mail|newsletter|marketing e-?mail)"
          + " lists?", Target.EMAIL, "_list & take_me_|remove_me_"),
      rule("unsubscribe me|(?:please|pls|kindly) unsubscribe|"
          + "i(?: want| would like| wish|'d like| need)? to unsubscribe", Target.EMAIL_UNLESS_SMS, "unsubscribe"),
      rule(NEG + " (?:contact|contacting|bother|bothering|pester|pestering|harass|harassing|spam|spamming|message|"
          + "messaging) (?:me|us)", Target.ALL,
          NEG_CUES + " & _contact|_bother|_pester|_harass|_spam|_messag & _me|_us"),
      rule("leave me alone", Target.ALL, "leave_me_alone"),
      rule("(?:take|remove) me (?:off|from) (?:your|the|this|all|any)(?: (?:of )?your)? (?:lists?|database|contact list|"
          + "marketing(?: lists?)?)", Target.ALL, "_list|_database|_marketing & take_me_|remove_me_"),
      rule("opt me out|i(?: want| would like| wish|'d like)? to opt[ -]?out|i opt[ -]?out", Target.ALL,
          "opt_me_out|opt_out|opt-out|optout"),
      rule("stop sending (?:me )?(?:these|this|this stuff|marketing|promotions|offers|ads|advertising|spam|"
          + "messages|your (?:offers|ads|promotions|marketing))", Target.ALL, "stop_sending"),
      // French, German, Spanish, Italian, Portuguese, Dutch
      rule("ne (?:m'|me )?(?:appelez|t[ée]l[ée]phonez) plus|arr[eê]tez de m'appeler|ne plus (?:m'appeler|me t[ée]l[ée]phoner)",
          Target.PHONE, "appel|phon & plus|tez"),
      rule("ne (?:me )?contactez plus|arr[eê]tez de me contacter|ne plus me contacter", Target.ALL,
          "contact & plus|tez"),
      rule("(?:me )?d[ée]sabonner|d[ée]sabonnez-moi|d[ée]sinscri(?:re|vez)-moi", Target.EMAIL_UNLESS_SMS,
          "sabonn|sinscri"),
      rule("rufen sie mich (?:bitte )?nicht (?:mehr )?an|keine anrufe mehr", Target.PHONE, "rufe"),
      rule("kontaktieren sie mich (?:bitte )?nicht mehr|keine werbung mehr", Target.ALL, "kontaktier|werbung & mehr"),
      rule("(?:bitte )?keine (?:e-?mails|mails|newsletter) mehr|ich m(?:ö|oe)chte mich (?:vom \\p{L}+ )?abmelden",
          Target.EMAIL_UNLESS_SMS, "mehr|abmelden"),
      rule("(?:melden|tragen) sie mich (?:bitte )?(?:\\p{L}+ ){0,4}(?:ab|aus)\\b", Target.EMAIL_UNLESS_SMS,
          "mich & melden|tragen"),
      rule("no me (?:llamen|llames|vuelvan a llamar)", Target.PHONE, "llam"),
      rule("no me (?:contacten|contactes|escriban)|dar(?:me)? de baja", Target.ALL, "contact|escriban|baja"),
      rule("no me (?:env[ií]en|env[ií]es|manden|mandes) m[aá]s (?:correos|e-?mails|mensajes)", Target.EMAIL_UNLESS_SMS,
          "correos|mails|mensajes"),
      rule("non (?:mi )?chiamate(?:mi)? pi[uù]|non chiamatemi", Target.PHONE, "chiamate"),
      rule("non (?:mi )?contattate(?:mi)?(?: pi[uù])?|cancellatemi dalla (?:vostra )?(?:lista|mailing list)",
          Target.ALL, "contattate|cancellatemi"),
      rule("n[ãa]o me (?:liguem|ligue)", Target.PHONE, "ligue"),
      rule("n[ãa]o (?:me )?(?:enviem|mandem) mais|n[ãa]o quero (?:mais )?receber", Target.ALL, "mais|receber"),
      rule("bel (?:me|mij) (?:alstublieft |aub |a\\.u\\.b\\. |a\\.u\\.b\\.? )?niet(?: meer)?", Target.PHONE,
          "niet & bel"),
      rule("(?:stuur|mail) (?:me|mij) geen (?:e-?mails|mails|berichten|nieuwsbrieven) meer|(?:ik wil )?(?:me|mij) "
          + "uitschrijven|schrijf (?:me|mij) uit", Target.EMAIL_UNLESS_SMS, "geen|schrij"));

  private static final Pattern NOT_INTERESTED = Pattern.compile(
      "\\b(?:not interested|nicht interessiert|pas int[ée]ress[ée]e?|no (?:me )?interesa|niet ge[iï]nteresseerd)\\b");

  private static final Cues NOT_INTERESTED_CUES = new Cues("interest|nteress|ntéress|interesa");

  /** Whole-message keywords (carrier STOP family and their cousins), honoured on the channel they came on. */
  static final Set<String> KEYWORDS = Set.of("stop", "stopall", "stop all", "unsubscribe", "optout",
      "opt out", "opt-out", "revoke", "remove me", "unsubscribe me", "arret", "arrêt", "stopp", "baja", "parar");
  /** STOP-family words that mean opt-out only as a whole SMS. */
  static final Set<String> SMS_KEYWORDS = Set.of("cancel", "end", "quit");

  // "spam" alone is not here: "looks like spam to me" or "your mails land in spam" asks for nothing
  private static final Pattern UNCLEAR_WORDS = Pattern.compile("\\b(?:unsubscrib\\w*|opt[ -]?out|optout|"
      + "do not call|dnc|remove me|take me off|stop (?:sending|calling|texting|e-?mailing|contacting)|"
      + "too many (?:e-?mails|calls|messages|texts)|abmelden|d[ée]sabonne\\w*)\\b");
  private static final Cues UNCLEAR_CUES = new Cues("unsubscrib", "opt_out|opt-out|optout", "do_not_call",
      "dnc", "remove_me", "take_me_off", "stop_sending|stop_calling|stop_texting|stop_emailing|stop_e-mailing|"
      + "stop_contacting", "too_many", "abmelden", "sabonne");
  private static final Pattern STOP_WORD = Pattern.compile("\\b(?:stop|cancel|quit|enough)\\b");
  private static final Cues STOP_WORD_CUES = new Cues("stop|cancel|quit|enough");
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
  private static final List<String> POLITE_OPENINGS = List.of("please", "pls", "plz");
  private static final List<String> POLITE_CLOSINGS = List.of("please", "pls", "plz", "thanks", "thank you");
  private static final Pattern POLITE = Pattern.compile("^(?:" + String.join(" |", POLITE_OPENINGS) + " )|(?: "
      + String.join("| ", POLITE_CLOSINGS) + ")$");
  /** How often {@link #bare} strips a polite opening and closing. */
  private static final int POLITE_PASSES = 2;
  /**
   * The most letters and digits a message can have whose bare form is a whole-message keyword: the longest keyword's
   * and, per pass of {@link #bare}, the longest polite opening's and closing's (the edges it strips are punctuation,
   * symbols and space).
   */
  static final int KEYWORD_MESSAGE_LETTERS = mostLetters(KEYWORDS, SMS_KEYWORDS)
      + POLITE_PASSES * (mostLetters(POLITE_OPENINGS) + mostLetters(POLITE_CLOSINGS));
  /** The first word of each whole-message keyword: the bare message is the keyword, so the message holds its words. */
  private static final Cues KEYWORD_CUES = new Cues(String.join("|", Stream.concat(KEYWORDS.stream(),
      SMS_KEYWORDS.stream()).map(keyword -> keyword.split("[^\\p{L}]")[0]).distinct().sorted().toList()));

  /**
   * Every pattern {@link #classify} answers by other than NONE, with the cues each of its matches holds. A message
   * whose text holds none of them, and that is too long to be a whole-message keyword, is NONE.
   */
  private static final List<Cued> CUED_PATTERNS = cued();

  /**
   * False only when {@link #classify} would answer NONE, and far cheaper than it. Every other answer needs a
   * whole-message keyword (a message of at most {@link #KEYWORD_MESSAGE_LETTERS} letters and digits that holds the
   * keyword's first word) or a match of one of its patterns, and each pattern's cues are what every match of it holds
   * (OptOutCuesTests reads every match over the corpora and their variants for them). The cues are looked for in the
   * text {@link #spaced} as classify spaces it: {@link #normalise} only turns the white space around line breaks into
   * one line break and strips the ends after that, and a cue holds no line break, so a cue in a match (or in the bare
   * form, whose cues hold no space) is in the spaced text.
   */
  public boolean mayFind(String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    String spaced = spaced(text);
    if (atMostLettersAndDigits(spaced, KEYWORD_MESSAGE_LETTERS) && KEYWORD_CUES.in(spaced)) {
      return true;
    }
    for (Cued cued : CUED_PATTERNS) {
      if (cued.cues().in(spaced)) {
        return true;
      }
    }
    return false;
  }

  /** A match of a pattern {@link #mayFind} relies on, and whether it holds the pattern's cues. */
  record CuedMatch(String pattern, String match, boolean holdsCues) {}

  /** Every match in the text of every pattern {@link #mayFind} relies on (for tests: each must hold its cues). */
  static List<CuedMatch> cuedMatches(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String t = normalise(text);
    String bare = bare(t);
    List<CuedMatch> matches = new ArrayList<>();
    for (Cued cued : CUED_PATTERNS) {
      Matcher m = cued.pattern().matcher(cued.onBare() ? bare : t);
      while (m.find()) {
        matches.add(new CuedMatch(cued.pattern().pattern(), m.group(), cued.cues().in(m.group())));
      }
    }
    return matches;
  }

  /** The patterns {@link #mayFind} relies on. */
  static List<String> cuedPatterns() {
    return CUED_PATTERNS.stream().map(cued -> cued.pattern().pattern()).toList();
  }

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

  private static String normalise(String text) {
    return LINE_BREAK_WITH_SPACE.matcher(spaced(text)).replaceAll("\n").strip();
  }

  /**
   * The first 20,000 characters lowered, quotes made straight and each run of spaces, tabs and no-break spaces made one
   * space: {@link #normalise} but for the line breaks and the ends.
   */
  private static String spaced(String text) {
    String lower = (text.length() > 20_000 ? text.substring(0, 20_000) : text).toLowerCase(Locale.ROOT);
    StringBuilder spaced = new StringBuilder(lower.length());
    boolean afterSpace = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      boolean space = c == ' ' || c == '\t' || c == '\u00a0';
      if (!space) {
        spaced.append(c == '\u2019' || c == '\u2018' || c == '`' ? '\'' : c);
      } else if (!afterSpace) {
        spaced.append(' ');
      }
      afterSpace = space;
    }
    return spaced.toString();
  }

  private static boolean atMostLettersAndDigits(String s, int most) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetterOrDigit(s.charAt(i)) && ++count > most) {
        return false;
      }
    }
    return true;
  }

  @SafeVarargs
  private static int mostLetters(Collection<String>... words) {
    int most = 0;
    for (Collection<String> some : words) {
      for (String word : some) {
        most = Math.max(most, (int) word.chars().filter(Character::isLetterOrDigit).count());
      }
    }
    return most;
  }

  private static List<Cued> cued() {
    List<Cued> cued = new ArrayList<>();
    CLEAR_RULES.forEach(rule -> cued.add(new Cued(rule.pattern(), rule.cues(), false)));
    cued.add(new Cued(NOT_INTERESTED, NOT_INTERESTED_CUES, false));
    cued.add(new Cued(UNCLEAR_WORDS, UNCLEAR_CUES, false));
    cued.add(new Cued(STOP_WORD, STOP_WORD_CUES, true));
    return List.copyOf(cued);
  }

  /**
   * A pattern of classify, read in the normalised text or in its bare form, and the cues its matches hold. The bare
   * form has each run of white space made one space, line breaks too, so its cues hold none.
   */
  private record Cued(Pattern pattern, Cues cues, boolean onBare) {

    Cued {
      if (onBare && cues.holdSpace()) {
        throw new IllegalArgumentException("a cue of a pattern read in the bare form holds a space: " + pattern);
      }
    }
  }

  private static String bare(String t) {
    String s = EDGES.matcher(t).replaceAll("").replaceAll("\\s+", " ");
    for (int i = 0; i < POLITE_PASSES; i++) {
      s = EDGES.matcher(POLITE.matcher(s).replaceAll("")).replaceAll("");
    }
    return s;
  }

  private static int words(String t) {
    String s = t.strip();
    return s.isEmpty() ? 0 : s.split("\\s+").length;
  }

  private static Rule rule(String regex, Target target, String cues) {
    return new Rule(Pattern.compile("\\b(?:" + regex + ")"), target, new Cues(cues));
  }
}
