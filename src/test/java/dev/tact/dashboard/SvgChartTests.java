package dev.tact.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartTests {

  @Test
  void shouldDrawOneBarPerNumberWithItsValueAsTitleAndEscapeLabels() {
    PanelData data = new PanelData("h", "e", PanelData.Chart.BAR, List.of("Team", "Open"),
        List.of(List.of("<Sales & Co>", 4), List.of("Support", 10)));

    String svg = SvgChart.render(data);

    assertThat(svg).startsWith("<svg").contains("class=\"chart chart-bar\"").doesNotContain("<script")
        .doesNotContain("style=");
    assertThat(svg.split("<rect x=\"\\d", -1)).hasSize(1 + 2 + 1); // two bars and the legend's swatch
    assertThat(svg).contains("&lt;Sales &amp; Co&gt;, Open: 4").contains("Support, Open: 10");
    assertThat(svg).contains(">10</text>"); // the scale's top: 10 is already round
  }

  @Test
  void shouldDrawALinePerSeriesSkippingMissingValues() {
    PanelData data = new PanelData("h", "e", PanelData.Chart.LINE, List.of("Day", "Median", "P90"),
        List.of(Arrays.asList("d1", 1.5, 3.0), Arrays.asList("d2", null, 4.0), Arrays.asList("d3", 2.0, 5.0)));

    String svg = SvgChart.render(data);

    assertThat(svg.split("<polyline", -1)).hasSize(3);
    assertThat(svg).contains("aria-label=\"Chart of Median, P90 by Day; the table below has the values\"");
  }

  @Test
  void shouldDrawNothingWithoutAChartOrNumbers() {
    assertThat(SvgChart.render(new PanelData("h", "e", PanelData.Chart.NONE, List.of("A", "B"),
        List.<List<Object>>of(List.of("x", 1))))).isNull();
    assertThat(SvgChart.render(new PanelData("h", "e", PanelData.Chart.BAR, List.of("A", "B"),
        List.<List<Object>>of(List.of("x", "y"))))).isNull();
    assertThat(SvgChart.niceCeiling(0)).isEqualTo(1);
    assertThat(SvgChart.niceCeiling(37)).isEqualTo(50);
    assertThat(SvgChart.niceCeiling(1200)).isEqualTo(2000);
  }
}
