package dev.tact.survey;

import dev.tact.dashboard.DashboardPanel;
import dev.tact.dashboard.DashboardSection;
import dev.tact.dashboard.PanelData;
import dev.tact.dashboard.ReportScope;
import dev.tact.shared.Channel;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Team;
import dev.tact.survey.SatisfactionSummary.Counts;
import dev.tact.survey.SatisfactionSummary.GroupBy;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dashboard's satisfaction panels, first on the page: satisfaction over time, by team and by channel, each with
 * the share of poor answers and the response rate, read from the daily survey summary.
 */
@Configuration(proxyBeanMethods = false)
class SatisfactionPanels {

  static final List<String> COLUMNS = List.of("Satisfied %", "Poor %", "Answers", "Surveys sent", "Response rate %");
  static final String EXPLANATION = "Satisfied: the share of answered surveys that said Good (or 4–5 of 5); poor: "
      + "Not good (or 1–2 of 5). Response rate: answered over sent. Surveys count on the day (UTC) they were sent, "
      + "after a conversation was solved; a survey the contact policy held back is not sent and not counted.";

  @Bean
  DashboardPanel satisfactionOverTime(SatisfactionSummary summary) {
    return new Panel("satisfaction-over-time", "Satisfaction over time", 0, PanelData.Chart.LINE, "Day or week",
        scope -> byPeriod(summary.counts(scope, GroupBy.DAY), scope));
  }

  @Bean
  DashboardPanel satisfactionByTeam(SatisfactionSummary summary, StaffDirectory staff) {
    return new Panel("satisfaction-by-team", "Satisfaction by team", 1, PanelData.Chart.BAR, "Team", scope -> {
      Map<String, String> names = staff.teams().stream()
          .collect(Collectors.toMap(t -> t.id().toString(), Team::name));
      return summary.counts(scope, GroupBy.TEAM).stream()
          .map(c -> new Counts(c.key().isEmpty() ? "No team" : names.getOrDefault(c.key(), "A deleted team"),
              c.sent(), c.answered(), c.good(), c.poor())).toList();
    });
  }

  @Bean
  DashboardPanel satisfactionByChannel(SatisfactionSummary summary) {
    return new Panel("satisfaction-by-channel", "Satisfaction by channel", 2, PanelData.Chart.BAR, "Channel",
        scope -> summary.counts(scope, GroupBy.CHANNEL).stream().map(c -> new Counts(Channel.valueOf(c.key()).id(),
            c.sent(), c.answered(), c.good(), c.poor())).toList());
  }

  /** Days for a period up to 62 days, else weeks (Monday first); the first column is the day's or week's date. */
  static List<Counts> byPeriod(List<Counts> days, ReportScope scope) {
    if (Duration.between(scope.from(), scope.to()).toDays() <= 62) {
      return days;
    }
    Map<String, Counts> weeks = new LinkedHashMap<>();
    for (Counts day : days) {
      String week = LocalDate.parse(day.key().substring(0, 10))
          .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
      weeks.merge(week, new Counts(week, day.sent(), day.answered(), day.good(), day.poor()), Counts::plus);
    }
    return new ArrayList<>(weeks.values());
  }

  static PanelData data(String label, PanelData.Chart chart, List<Counts> groups) {
    Counts total = SatisfactionSummary.total(groups);
    String headline = total.answered() == 0
        ? (total.sent() == 0 ? "No surveys sent in this period" : "No answers yet to " + total.sent() + " surveys")
        : total.satisfied() + " % satisfied, " + total.poorShare() + " % poor (" + total.answered()
            + (total.answered() == 1 ? " answer" : " answers") + ", response rate " + total.responseRate() + " %)";
    List<String> columns = new ArrayList<>();
    columns.add(label);
    columns.addAll(COLUMNS);
    List<List<Object>> rows = new ArrayList<>();
    for (Counts c : groups) {
      List<Object> row = new ArrayList<>();
      row.add(c.key().length() > 10 && Character.isDigit(c.key().charAt(0)) ? c.key().substring(0, 10) : c.key());
      row.add(c.satisfied());
      row.add(c.poorShare());
      row.add(c.answered());
      row.add(c.sent());
      row.add(c.responseRate());
      rows.add(row);
    }
    return new PanelData(headline, EXPLANATION, chart, columns, rows);
  }

  private record Panel(String key, String title, int order, PanelData.Chart chart, String label,
      Function<ReportScope, List<Counts>> groups) implements DashboardPanel {

    @Override
    public DashboardSection section() {
      return DashboardSection.SATISFACTION;
    }

    @Override
    public PanelData compute(ReportScope scope) {
      return data(label, chart, groups.apply(scope));
    }
  }
}
