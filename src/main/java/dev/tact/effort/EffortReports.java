package dev.tact.effort;

import static dev.tact.shared.SqlTime.utc;

import dev.tact.dashboard.ReportScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Effort aggregated over {@code conversation_effort} for a dashboard scope (conversations opened in the period,
 * narrowed by team, agent, channel and intent): the average score and the average points each part added, per
 * group. One statement per panel, on indexes that start with the period or with the filtered column.
 */
@Service
class EffortReports {

  /** What the rows are grouped by. */
  enum Dimension {
    PERIOD(null), TEAM("team_id"), CHANNEL("channel"), INTENT("intent");

    private final String column;

    Dimension(String column) {
      this.column = column;
    }
  }

  /** One group: its key (a team id, a channel's stored name, an intent, a period's start), count and averages. */
  record Group(Object key, long conversations, double score, double messages, double handoffs, double reopens,
      double channelSwitches, double repeatContact, double waited) {

    /** Groups that do not overlap, as one: the averages weighted by their conversations. */
    static Group together(List<Group> groups) {
      long n = groups.stream().mapToLong(Group::conversations).sum();
      if (n == 0) {
        return new Group(null, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);
      }
      java.util.function.ToDoubleFunction<java.util.function.ToDoubleFunction<Group>> mean = part -> groups.stream()
          .filter(g -> g.conversations() > 0).mapToDouble(g -> part.applyAsDouble(g) * g.conversations()).sum() / n;
      return new Group(null, n, mean.applyAsDouble(Group::score), mean.applyAsDouble(Group::messages),
          mean.applyAsDouble(Group::handoffs), mean.applyAsDouble(Group::reopens),
          mean.applyAsDouble(Group::channelSwitches), mean.applyAsDouble(Group::repeatContact),
          mean.applyAsDouble(Group::waited));
    }
  }

  /** A period's bucket: its label and {@code [from, to)}. */
  record Bucket(String label, Instant from, Instant to) {}

  private static final String AVERAGES = """
      COUNT(*) AS conversations,
      AVG(CAST(score AS DOUBLE PRECISION)) AS score,
      AVG(CAST(LEAST(GREATEST(customer_messages - 1, 0) * %d, %d) AS DOUBLE PRECISION)) AS messages,
      AVG(CAST(LEAST(handoffs * %d, %d) AS DOUBLE PRECISION)) AS handoffs,
      AVG(CAST(LEAST(reopens * %d, %d) AS DOUBLE PRECISION)) AS reopens,
      AVG(CAST(LEAST(channel_switches * %d, %d) AS DOUBLE PRECISION)) AS channel_switches,
      AVG(CASE WHEN repeat_contact THEN %d.0 ELSE 0.0 END) AS repeat_contact,
      AVG(CAST(LEAST(waited_business_minutes / %d, %d) AS DOUBLE PRECISION)) AS waited""".formatted(
      EffortScore.PER_EXTRA_MESSAGE, EffortScore.MESSAGES_CAP, EffortScore.PER_HANDOFF, EffortScore.HANDOFFS_CAP,
      EffortScore.PER_REOPEN, EffortScore.REOPENS_CAP, EffortScore.PER_CHANNEL_SWITCH,
      EffortScore.CHANNEL_SWITCHES_CAP, EffortScore.REPEAT_CONTACT, EffortScore.MINUTES_PER_WAIT_POINT,
      EffortScore.WAIT_CAP);

  private final JdbcClient jdbc;

  EffortReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The scope's conversations grouped by team, channel or intent (largest group first). */
  @Transactional(readOnly = true)
  List<Group> by(Dimension dimension, ReportScope scope) {
    if (dimension == Dimension.PERIOD) {
      throw new IllegalArgumentException("periods are asked with byPeriod");
    }
    if (summarised(scope)) {
      List<Group> groups = new ArrayList<>();
      summed(scope, dimension.name().toLowerCase(Locale.ROOT), (key, sums) -> groups.add(group(key.isEmpty() ? null
          : dimension == Dimension.TEAM ? java.util.UUID.fromString(key) : key, sums)));
      groups.sort(java.util.Comparator.comparingLong(Group::conversations).reversed()
          .thenComparing(g -> String.valueOf(g.key())));
      return groups;
    }
    Map<String, Object> params = new java.util.HashMap<>();
    String sql = "SELECT e." + dimension.column + " AS grouped, " + AVERAGES + " FROM conversation_effort e WHERE "
        + filters(scope, params) + " GROUP BY e." + dimension.column + " ORDER BY conversations DESC, grouped";
    return jdbc.sql(sql).params(params).query((rs, n) -> group(rs, rs.getObject("grouped"))).list();
  }

  /** The scope's conversations per day, week or month of the scope's zone (every bucket, empty ones too). */
  @Transactional(readOnly = true)
  List<Group> byPeriod(ReportScope scope, List<Bucket> buckets) {
    if (summarised(scope)) {
      long[][] sums = new long[buckets.size()][1 + EffortFold.SUMS.size()];
      summed(scope, "period", (day, daySums) -> {
        Instant start = java.time.LocalDate.parse(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        int i = 0;
        while (i + 1 < buckets.size() && !start.isBefore(buckets.get(i + 1).from())) {
          i++;
        }
        for (int k = 0; k < daySums.length; k++) {
          sums[i][k] += daySums[k];
        }
      });
      List<Group> all = new ArrayList<>();
      for (int i = 0; i < buckets.size(); i++) {
        all.add(group(i, sums[i]));
      }
      return all;
    }
    Map<String, Object> params = new java.util.HashMap<>();
    StringBuilder table = new StringBuilder();
    for (int i = 0; i < buckets.size(); i++) {
      table.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i)
          .append(" AS i, CAST(:s").append(i).append(" AS TIMESTAMP WITH TIME ZONE) AS s, CAST(:t").append(i)
          .append(" AS TIMESTAMP WITH TIME ZONE) AS t");
      params.put("s" + i, utc(buckets.get(i).from()));
      params.put("t" + i, utc(buckets.get(i).to()));
    }
    String sql = "SELECT b.i AS grouped, " + AVERAGES + " FROM (" + table + ") b JOIN conversation_effort e"
        + " ON e.opened_at >= b.s AND e.opened_at < b.t WHERE " + filters(scope, params) + " GROUP BY b.i";
    Map<Integer, Group> found = new java.util.HashMap<>();
    jdbc.sql(sql).params(params).query((rs, n) -> group(rs, rs.getInt("grouped")))
        .list().forEach(g -> found.put((Integer) g.key(), g));
    List<Group> all = new ArrayList<>();
    for (int i = 0; i < buckets.size(); i++) {
      all.add(found.getOrDefault(i, new Group(i, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN)));
    }
    return all;
  }

  /** Whether the summary answers the scope: no agent, at most one of team, channel and intent (ADR 0046). */
  private static boolean summarised(ReportScope scope) {
    return scope.agentId() == null
        && (scope.teamId() == null ? 0 : 1) + (scope.channel() == null ? 0 : 1) + (scope.intent() == null ? 0 : 1) <= 1;
  }

  /**
   * The scope's sums per group key (for 'period': per UTC day, as yyyy-mm-dd) from {@code effort_daily}, in one
   * statement (one snapshot): the summary, minus what it counts for the conversations changed since the last fold
   * ({@code effort_counted}), plus what their {@code conversation_effort} rows add now. Exact at any lag of the fold;
   * days are UTC days.
   */
  private void summed(ReportScope scope, String groupDim, java.util.function.BiConsumer<String, long[]> each) {
    String filterDim = scope.teamId() != null ? "team" : scope.channel() != null ? "channel"
        : scope.intent() != null ? "intent" : "all";
    String filterKey = scope.teamId() != null ? scope.teamId().toString() : scope.channel() != null
        ? scope.channel().name() : scope.intent() != null ? scope.intent() : "";
    Map<String, String> counted = Map.of("team", "k.team_key", "channel", "k.channel", "intent", "k.intent");
    Map<String, String> current = Map.of("team", "COALESCE(CAST(e.team_id AS VARCHAR(36)), '')",
        "channel", "COALESCE(e.channel, '')", "intent", "COALESCE(e.intent, '')");
    String day = "CAST((e.opened_at AT TIME ZONE 'UTC') AS DATE)";
    String groupOfSummary = groupDim.equals("period") ? "CAST(opened_on AS VARCHAR(10))" : "group_key";
    String groupOfCounted = groupDim.equals("period") ? "CAST(k.opened_on AS VARCHAR(10))" : counted.get(groupDim);
    String groupOfCurrent = groupDim.equals("period") ? "CAST(" + day + " AS VARCHAR(10))" : current.get(groupDim);
    String sums = String.join(", ", EffortFold.SUMS);
    String negated = EffortFold.SUMS.stream().map(c -> "-k." + c).collect(java.util.stream.Collectors.joining(", "));
    String sql = "SELECT grouped, SUM(conversations) AS conversations, "
        + EffortFold.SUMS.stream().map(c -> "SUM(" + c + ") AS " + c).collect(java.util.stream.Collectors.joining(", "))
        + " FROM (SELECT " + groupOfSummary + " AS grouped, conversations, " + sums + " FROM effort_daily"
        + " WHERE filter_dim = :filterDim AND filter_key = :filterKey AND group_dim = :groupDim"
        + " AND opened_on >= :fromDay AND opened_on <= :toDay"
        + " UNION ALL SELECT " + groupOfCounted + ", -1, " + negated + " FROM effort_counted k"
        + " WHERE k.conversation_id IN (SELECT conversation_id FROM effort_change)"
        + " AND k.opened_on >= :fromDay AND k.opened_on <= :toDay"
        + (filterDim.equals("all") ? "" : " AND " + counted.get(filterDim) + " = :filterKey")
        + " UNION ALL SELECT " + groupOfCurrent + ", 1, " + EffortFold.POINTS + " FROM conversation_effort e"
        + " WHERE e.conversation_id IN (SELECT conversation_id FROM effort_change)"
        + " AND " + day + " >= :fromDay AND " + day + " <= :toDay"
        + (filterDim.equals("all") ? "" : " AND " + current.get(filterDim) + " = :filterKey")
        + ") summed GROUP BY grouped";
    Map<String, Object> params = Map.of("filterDim", filterDim, "filterKey", filterKey, "groupDim", groupDim,
        "fromDay", java.time.LocalDate.ofInstant(scope.from(), java.time.ZoneOffset.UTC),
        "toDay", java.time.LocalDate.ofInstant(scope.to().minusNanos(1), java.time.ZoneOffset.UTC));
    jdbc.sql(sql).params(params).query(rs -> {
      long[] values = new long[1 + EffortFold.SUMS.size()];
      values[0] = rs.getLong("conversations");
      for (int i = 0; i < EffortFold.SUMS.size(); i++) {
        values[1 + i] = rs.getLong(EffortFold.SUMS.get(i));
      }
      if (values[0] != 0) {
        each.accept(rs.getString("grouped"), values);
      }
    });
  }

  /** A group from summed points: the averages are the sums over the conversations. */
  private static Group group(Object key, long[] sums) {
    long n = sums[0];
    java.util.function.IntToDoubleFunction mean = i -> n == 0 ? Double.NaN : (double) sums[1 + i] / n;
    return new Group(key, n, mean.applyAsDouble(0), mean.applyAsDouble(1), mean.applyAsDouble(2),
        mean.applyAsDouble(3), mean.applyAsDouble(4), mean.applyAsDouble(5), mean.applyAsDouble(6));
  }

  /** Days for a period up to 62 days, ISO weeks up to 53 weeks, months beyond; cut to the scope at both ends. */
  static List<Bucket> buckets(ReportScope scope) {
    Duration span = Duration.between(scope.from(), scope.to());
    ZonedDateTime start = scope.from().atZone(scope.zone()).toLocalDate().atStartOfDay(scope.zone());
    String unit = span.compareTo(Duration.ofDays(62)) <= 0 ? "day"
        : span.compareTo(Duration.ofDays(7 * 53)) <= 0 ? "week" : "month";
    LocalDate first = switch (unit) {
      case "week" -> start.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case "month" -> start.toLocalDate().withDayOfMonth(1);
      default -> start.toLocalDate();
    };
    List<Bucket> buckets = new ArrayList<>();
    for (LocalDate day = first; day.atStartOfDay(scope.zone()).toInstant().isBefore(scope.to()); ) {
      LocalDate next = switch (unit) {
        case "week" -> day.plusWeeks(1);
        case "month" -> day.plusMonths(1);
        default -> day.plusDays(1);
      };
      Instant from = max(day.atStartOfDay(scope.zone()).toInstant(), scope.from());
      Instant to = min(next.atStartOfDay(scope.zone()).toInstant(), scope.to());
      String label = switch (unit) {
        case "week" -> "week of " + day;
        case "month" -> day.format(DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT));
        default -> day.toString();
      };
      buckets.add(new Bucket(label, from, to));
      day = next;
    }
    return buckets;
  }

  private static String filters(ReportScope scope, Map<String, Object> params) {
    StringBuilder where = new StringBuilder("e.opened_at >= :from AND e.opened_at < :to");
    params.put("from", utc(scope.from()));
    params.put("to", utc(scope.to()));
    if (scope.teamId() != null) {
      where.append(" AND e.team_id = :team");
      params.put("team", scope.teamId());
    }
    if (scope.agentId() != null) {
      where.append(" AND e.agent_id = :agent");
      params.put("agent", scope.agentId());
    }
    if (scope.channel() != null) {
      where.append(" AND e.channel = :channel");
      params.put("channel", scope.channel().name());
    }
    if (scope.intent() != null) {
      where.append(" AND e.intent = :intent");
      params.put("intent", scope.intent());
    }
    return where.toString();
  }

  private static Group group(ResultSet rs, Object key) throws SQLException {
    long conversations = rs.getLong("conversations");
    return new Group(key, conversations, average(rs, "score", conversations), average(rs, "messages", conversations),
        average(rs, "handoffs", conversations), average(rs, "reopens", conversations),
        average(rs, "channel_switches", conversations), average(rs, "repeat_contact", conversations),
        average(rs, "waited", conversations));
  }

  private static double average(ResultSet rs, String column, long conversations) throws SQLException {
    return conversations == 0 ? Double.NaN : rs.getDouble(column);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
