package dev.tact.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a panel's table as an SVG chart on the server (ADR 0043): bars per row or a line per series over the rows,
 * one shared scale from zero, every value also in the table beside it. No script and no style attribute, so the
 * page's content security policy stays as strict as the rest of Tact.
 */
public final class SvgChart {

  static final int WIDTH = 560;
  static final int HEIGHT = 200;
  private static final int LEFT = 44;
  private static final int BOTTOM = 24;
  private static final int TOP = 12;
  private static final String[] COLOURS = {"#2f6fb3", "#d9822b", "#3a9a5b", "#b23a48", "#7a5cb3", "#6b6b6b"};

  private SvgChart() {}

  /** The chart of the data, or null when it has none (chart NONE, no rows or no number to draw). */
  public static String render(PanelData data) {
    if (data == null || data.chart() == PanelData.Chart.NONE || data.rows().isEmpty() || data.columns().size() < 2) {
      return null;
    }
    List<Integer> series = numericColumns(data);
    if (series.isEmpty()) {
      return null;
    }
    double max = 0;
    for (List<Object> row : data.rows()) {
      for (int column : series) {
        if (row.get(column) instanceof Number n) {
          max = Math.max(max, n.doubleValue());
        }
      }
    }
    double top = niceCeiling(max);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-")
        .append(data.chart().name().toLowerCase(Locale.ROOT)).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(escape(ariaLabel(data, series)))
        .append("\">");
    axes(svg, top);
    if (data.chart() == PanelData.Chart.BAR) {
      bars(svg, data, series, top);
    } else {
      lines(svg, data, series, top);
    }
    legend(svg, data, series);
    return svg.append("</svg>").toString();
  }

  private static List<Integer> numericColumns(PanelData data) {
    List<Integer> columns = new ArrayList<>();
    for (int c = 1; c < data.columns().size(); c++) {
      final int column = c;
      if (data.rows().stream().anyMatch(row -> row.get(column) instanceof Number)) {
        columns.add(c);
      }
    }
    return columns;
  }

  private static void axes(StringBuilder svg, double top) {
    int plotBottom = HEIGHT - BOTTOM;
    svg.append(line(LEFT, TOP, LEFT, plotBottom, "#999"));
    svg.append(line(LEFT, plotBottom, WIDTH - 4, plotBottom, "#999"));
    svg.append(text(LEFT - 4, TOP + 4, "end", format(top)));
    svg.append(text(LEFT - 4, plotBottom, "end", "0"));
  }

  private static void bars(StringBuilder svg, PanelData data, List<Integer> series, double top) {
    int rows = data.rows().size();
    double slot = (WIDTH - LEFT - 8) / (double) rows;
    double barWidth = Math.max(1, (slot * 0.8) / series.size());
    for (int r = 0; r < rows; r++) {
      List<Object> row = data.rows().get(r);
      for (int s = 0; s < series.size(); s++) {
        if (row.get(series.get(s)) instanceof Number n) {
          double height = top == 0 ? 0 : n.doubleValue() / top * (HEIGHT - BOTTOM - TOP);
          double x = LEFT + 4 + r * slot + slot * 0.1 + s * barWidth;
          svg.append("<rect x=\"").append(round(x)).append("\" y=\"").append(round(HEIGHT - BOTTOM - height))
              .append("\" width=\"").append(round(barWidth)).append("\" height=\"").append(round(height))
              .append("\" fill=\"").append(COLOURS[s % COLOURS.length]).append("\"><title>")
              .append(escape(label(row) + ", " + data.columns().get(series.get(s)) + ": " + format(n.doubleValue())))
              .append("</title></rect>");
        }
      }
      if (rows <= 12 || r % Math.ceil(rows / 12.0) == 0) {
        svg.append(text(LEFT + 4 + r * slot + slot / 2, HEIGHT - 8, "middle", label(row)));
      }
    }
  }

  private static void lines(StringBuilder svg, PanelData data, List<Integer> series, double top) {
    int rows = data.rows().size();
    double step = rows == 1 ? 0 : (WIDTH - LEFT - 16) / (double) (rows - 1);
    for (int s = 0; s < series.size(); s++) {
      StringBuilder points = new StringBuilder();
      for (int r = 0; r < rows; r++) {
        if (data.rows().get(r).get(series.get(s)) instanceof Number n) {
          double y = HEIGHT - BOTTOM - (top == 0 ? 0 : n.doubleValue() / top * (HEIGHT - BOTTOM - TOP));
          points.append(round(LEFT + 8 + r * step)).append(',').append(round(y)).append(' ');
        }
      }
      svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(COLOURS[s % COLOURS.length])
          .append("\" points=\"").append(points.toString().strip()).append("\"><title>")
          .append(escape(data.columns().get(series.get(s)))).append("</title></polyline>");
    }
    for (int r = 0; r < rows; r++) {
      if (rows <= 8 || r % Math.ceil(rows / 8.0) == 0) {
        svg.append(text(LEFT + 8 + r * step, HEIGHT - 8, "middle", label(data.rows().get(r))));
      }
    }
  }

  private static void legend(StringBuilder svg, PanelData data, List<Integer> series) {
    int x = LEFT + 8;
    for (int s = 0; s < series.size(); s++) {
      String name = data.columns().get(series.get(s));
      svg.append("<rect x=\"").append(x).append("\" y=\"0\" width=\"8\" height=\"8\" fill=\"")
          .append(COLOURS[s % COLOURS.length]).append("\"/>");
      svg.append(text(x + 11, 8, "start", name));
      x += 20 + name.length() * 6;
    }
  }

  private static String ariaLabel(PanelData data, List<Integer> series) {
    List<String> names = series.stream().map(data.columns()::get).toList();
    return "Chart of " + String.join(", ", names) + " by " + data.columns().get(0) + "; the table below has the values";
  }

  static double niceCeiling(double max) {
    if (max <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= max) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String label(List<Object> row) {
    return row.get(0) == null ? "—" : row.get(0).toString();
  }

  private static String line(double x1, double y1, double x2, double y2, String colour) {
    return "<line x1=\"" + round(x1) + "\" y1=\"" + round(y1) + "\" x2=\"" + round(x2) + "\" y2=\"" + round(y2)
        + "\" stroke=\"" + colour + "\"/>";
  }

  private static String text(double x, double y, String anchor, String value) {
    return "<text x=\"" + round(x) + "\" y=\"" + round(y) + "\" font-size=\"10\" text-anchor=\"" + anchor + "\">"
        + escape(value) + "</text>";
  }

  private static String round(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  static String escape(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
