package dev.tact.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.dashboard.PanelData;
import dev.tact.dashboard.ReportScope;
import dev.tact.survey.SatisfactionSummary.Counts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the satisfaction panels read the summary's counts: shares, response rate, days or weeks. */
class SatisfactionPanelsTests {

  private static ReportScope days(int days) {
    Instant to = Instant.parse("2026-12-07T00:00:00Z");
    return new ReportScope(to.minusSeconds(86_400L * days), to, ZoneOffset.UTC, null, null, null, null);
  }

  @Test
  void shouldGiveSharesOfAnswersAndTheResponseRateWithATableRowPerGroup() {
    PanelData data = SatisfactionPanels.data("Team", PanelData.Chart.BAR, List.of(
        new Counts("Billing", 40, 10, 7, 2), new Counts("Hosting", 20, 0, 0, 0)));

    assertThat(data.headline()).isEqualTo("70.0 % satisfied, 20.0 % poor (10 answers, response rate 16.7 %)");
    assertThat(data.columns()).containsExactly("Team", "Satisfied %", "Poor %", "Answers", "Surveys sent",
        "Response rate %");
    assertThat(data.rows().get(0)).containsExactly("Billing", 70.0, 20.0, 10L, 40L, 25.0);
    assertThat(data.rows().get(1)).containsExactly("Hosting", null, null, 0L, 20L, 0.0);
  }

  @Test
  void shouldSaySoWhenNothingWasSentOrAnswered() {
    assertThat(SatisfactionPanels.data("Day", PanelData.Chart.LINE, List.of()).headline())
        .isEqualTo("No surveys sent in this period");
    assertThat(SatisfactionPanels.data("Day", PanelData.Chart.LINE, List.of(new Counts("2026-12-01", 3, 0, 0, 0)))
        .headline()).isEqualTo("No answers yet to 3 surveys");
  }

  @Test
  void shouldKeepDaysForTwoMonthsAndSumWeeksFromMondayBeyond() {
    List<Counts> byDay = List.of(new Counts("2026-11-30", 5, 2, 2, 0), new Counts("2026-12-02", 5, 3, 1, 1),
        new Counts("2026-12-07", 4, 1, 0, 1));

    assertThat(SatisfactionPanels.byPeriod(byDay, days(30))).isEqualTo(byDay);
    assertThat(SatisfactionPanels.byPeriod(byDay, days(365))).containsExactly(
        new Counts("2026-11-30", 10, 5, 3, 1), new Counts("2026-12-07", 4, 1, 0, 1));
  }
}
