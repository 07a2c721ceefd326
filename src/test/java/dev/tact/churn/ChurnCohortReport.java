package dev.tact.churn;

import dev.tact.shared.Channel;
import dev.tact.testsupport.PostgresTestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The churn evaluation of bench/churn.sh: a generated cohort with known churners fed through the module's own code
 * ({@link ChurnLedger} on the real tables, migrated by Flyway on H2 or PostgreSQL), then the at-risk query of
 * {@link SilentChurn} asked at "now" for several values of k. Prints markdown. Arguments: contacts, seed, h2|postgres.
 *
 * <p>The generator's assumptions (stated in the output too): each contact has a mean interval drawn log-uniformly
 * between 5 and 60 days; regular contacts' intervals are gamma-distributed with shape 4 (coefficient of variation
 * 0.5), irregular writers' (25 %) exponential (shape 1, CV 1); history starts up to 540 days before now; 15 % of
 * contacts churn after a poor experience (their last episode is poor, then nothing), 5 % churn after a fine one,
 * 80 % stay active; the churn moment is uniform between 30 and 360 days before now; any other episode is poor with
 * probability 0.15, its kind uniform over the seven kinds; no seasonality, no trend, contacts independent.
 */
public final class ChurnCohortReport {

  enum Fate { CHURN_AFTER_POOR, CHURN_AFTER_FINE, ACTIVE }

  record Person(UUID id, Fate fate, boolean irregular, double meanDays, List<Instant> episodes,
      List<PoorExperience> poor) {}

  private static final double[] FACTORS = {1.5, 2.0, 3.0};

  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 19L;
    String database = args.length > 2 ? args[2] : "h2";
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    List<Person> cohort = generate(size, new Random(seed), now);

    DataSource dataSource = new DriverManagerDataSource("postgres".equals(database) ? PostgresTestDatabase.create()
        : "jdbc:h2:mem:churn-cohort;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "postgres".equals(database) ? null : "sa", "postgres".equals(database) ? null : "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    ChurnProperties settings = ChurnProperties.defaults();
    ChurnLedger ledger = new ChurnLedger(new ChurnStore(jdbc), settings);
    long started = System.nanoTime();
    int signals = feed(cohort, ledger);
    double feedSeconds = (System.nanoTime() - started) / 1e9;

    System.out.println("- Cohort: " + size + " contacts, seed " + seed + ", now = " + now + "; "
        + count(cohort, Fate.CHURN_AFTER_POOR) + " churned after a poor experience (the positives), "
        + count(cohort, Fate.CHURN_AFTER_FINE) + " churned after a fine one, " + count(cohort, Fate.ACTIVE)
        + " active; " + cohort.stream().filter(Person::irregular).count() + " irregular writers; "
        + cohort.stream().mapToInt(p -> p.episodes().size()).sum() + " episodes and " + signals
        + " poor-experience signals fed through ChurnLedger on " + database + " in "
        + String.format(java.util.Locale.ROOT, "%.1f", feedSeconds) + " s");
    System.out.println("- Generator: mean interval log-uniform 5..60 days; regular contacts gamma(shape 4) "
        + "intervals, irregular writers (25 %) exponential; history from up to 540 days before now; 15 % churn "
        + "after a poor last episode, 5 % after a fine one, churn moment uniform 30..360 days before now; other "
        + "episodes poor with p = 0.15 (kind uniform over the 7 kinds); no seasonality; contacts independent");
    System.out.println("- Detector: SilentChurn's at-risk condition at now (minimum " + settings.minimumEpisodes()
        + " episodes, median of the last " + settings.keptIntervals() + " intervals, overdue after "
        + "max(k x median, longest kept gap), latest episode poor or left open)");
    System.out.println();
    System.out.println("| k | TP | FP | FN | TN | precision | recall | FN with < "
        + settings.minimumEpisodes() + " episodes | FN not yet overdue | FP irregular / regular |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (double k : FACTORS) {
      ChurnProperties withK = new ChurnProperties(k, settings.minimumEpisodes(), settings.keptIntervals(),
          settings.sameEpisode(), settings.manyHandoffs());
      SilentChurn detector = new SilentChurn(jdbc, null, withK, null, Clock.fixed(now, ZoneOffset.UTC));
      Map<String, Object> params = new LinkedHashMap<>();
      String where = detector.where(ChurnFilter.ANY, params, now.getEpochSecond());
      Set<UUID> flagged = new HashSet<>(jdbc.sql("SELECT c.contact_id FROM churn_contact c WHERE " + where)
          .params(params).query(UUID.class).list());
      row(k, cohort, flagged, withK, now);
    }
  }

  private static void row(double k, List<Person> cohort, Set<UUID> flagged, ChurnProperties settings, Instant now) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    int fnFew = 0;
    int fnEarly = 0;
    int fpIrregular = 0;
    for (Person p : cohort) {
      boolean truth = p.fate() == Fate.CHURN_AFTER_POOR;
      boolean said = flagged.contains(p.id());
      if (truth && said) {
        tp++;
      } else if (!truth && said) {
        fp++;
        fpIrregular += p.irregular() ? 1 : 0;
      } else if (truth) {
        fn++;
        if (p.episodes().size() < settings.minimumEpisodes()) {
          fnFew++;
        } else {
          fnEarly++;
        }
      } else {
        tn++;
      }
    }
    System.out.printf(java.util.Locale.ROOT, "| %.1f | %d | %d | %d | %d | %.3f | %.3f | %d | %d | %d / %d |%n", k,
        tp, fp, fn, tn, tp + fp == 0 ? 0.0 : (double) tp / (tp + fp), tp + fn == 0 ? 0.0 : (double) tp / (tp + fn),
        fnFew, fnEarly, fpIrregular, fp - fpIrregular);
  }

  static List<Person> generate(int size, Random random, Instant now) {
    List<Person> cohort = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      double meanDays = Math.exp(Math.log(5) + random.nextDouble() * (Math.log(60) - Math.log(5)));
      boolean irregular = random.nextDouble() < 0.25;
      double fateDraw = random.nextDouble();
      Fate fate = fateDraw < 0.15 ? Fate.CHURN_AFTER_POOR : fateDraw < 0.20 ? Fate.CHURN_AFTER_FINE : Fate.ACTIVE;
      Instant end = fate == Fate.ACTIVE ? now : now.minus(days(30 + random.nextDouble() * 330));
      Instant at = now.minus(Duration.ofDays(540)).plus(days(random.nextDouble() * meanDays));
      List<Instant> episodes = new ArrayList<>();
      List<PoorExperience> poor = new ArrayList<>();
      while (at.isBefore(end)) {
        episodes.add(at);
        poor.add(random.nextDouble() < 0.15 ? PoorExperience.values()[random.nextInt(PoorExperience.values().length)]
            : null);
        // intervals under a day are one episode in Tact's eyes: the generator never makes them
        at = at.plus(days(Math.max(1.0, interval(random, meanDays, irregular ? 1 : 4))));
      }
      if (fate != Fate.ACTIVE && !episodes.isEmpty()) {
        poor.set(poor.size() - 1, fate == Fate.CHURN_AFTER_POOR
            ? PoorExperience.values()[random.nextInt(PoorExperience.values().length)] : null);
      }
      if (episodes.isEmpty()) {
        episodes.add(end.minus(Duration.ofDays(1)));
        poor.add(fate == Fate.CHURN_AFTER_POOR ? PoorExperience.POOR_SURVEY : null);
      }
      cohort.add(new Person(new UUID(0xC0FFEEL, i), fate, irregular, meanDays, episodes, poor));
    }
    return cohort;
  }

  /** A gamma-distributed interval with this mean and integer shape: the sum of {@code shape} exponentials. */
  private static double interval(Random random, double meanDays, int shape) {
    double sum = 0;
    for (int i = 0; i < shape; i++) {
      sum += -Math.log(1 - random.nextDouble());
    }
    return sum * meanDays / shape;
  }

  private static int feed(List<Person> cohort, ChurnLedger ledger) {
    int signals = 0;
    for (Person p : cohort) {
      for (int i = 0; i < p.episodes().size(); i++) {
        Instant at = p.episodes().get(i);
        UUID conversation = new UUID(p.id().getLeastSignificantBits(), i);
        ledger.inbound(p.id(), conversation, Channel.EMAIL, at);
        PoorExperience kind = p.poor().get(i);
        if (kind == null) {
          ledger.conversationOpen(conversation, false);
          continue;
        }
        signals++;
        switch (kind) {
          case LEFT_OPEN -> { }
          case INCIDENT -> {
            ledger.incident(p.id(), "INC-1 outage", at.minus(Duration.ofHours(1)), at.plus(Duration.ofHours(6)));
            ledger.conversationOpen(conversation, false);
          }
          default -> {
            ledger.poor(conversation, kind, kind.label(), at.plus(Duration.ofHours(2)));
            ledger.conversationOpen(conversation, false);
          }
        }
      }
    }
    return signals;
  }

  private static long count(List<Person> cohort, Fate fate) {
    return cohort.stream().filter(p -> p.fate() == fate).count();
  }

  private static Duration days(double days) {
    return Duration.ofSeconds((long) (days * 86_400));
  }

  private ChurnCohortReport() {}
}
