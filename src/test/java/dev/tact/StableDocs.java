package dev.tact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Spring Modulith writes a diagram's relations and a canvas's lists in the order of hash sets, which
 * changes from run to run. Sorting them keeps the documentation in docs/ unchanged until the modules are.
 */
final class StableDocs {

  private StableDocs() {}

  static void sortListsIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".puml") || name.endsWith(".adoc")) {
          List<String> lines = Files.readAllLines(file);
          Files.write(file, name.endsWith(".puml") ? sortRelations(lines) : sortBulletLists(lines));
        }
      }
    }
  }

  /** PlantUML: each run of {@code Rel(...)} lines, sorted. */
  static List<String> sortRelations(List<String> lines) {
    return sortRuns(lines, line -> line.startsWith("Rel("), false);
  }

  /** AsciiDoc canvas: each bullet list in a table cell ({@code |* a}, {@code * b} ...), sorted. */
  static List<String> sortBulletLists(List<String> lines) {
    return sortRuns(lines, line -> line.startsWith("* ") || line.startsWith("|* "), true);
  }

  private static List<String> sortRuns(List<String> lines, java.util.function.Predicate<String> inRun,
      boolean cellMarkerOnFirst) {
    List<String> out = new ArrayList<>();
    List<String> run = new ArrayList<>();
    for (String line : lines) {
      boolean startsCell = cellMarkerOnFirst && line.startsWith("|* ");
      if (inRun.test(line) && !(startsCell && !run.isEmpty())) {
        run.add(line);
        continue;
      }
      flush(run, out, cellMarkerOnFirst);
      if (inRun.test(line)) {
        run.add(line);
      } else {
        out.add(line);
      }
    }
    flush(run, out, cellMarkerOnFirst);
    return out;
  }

  private static void flush(List<String> run, List<String> out, boolean cellMarkerOnFirst) {
    if (run.isEmpty()) {
      return;
    }
    boolean cell = cellMarkerOnFirst && run.getFirst().startsWith("|");
    List<String> items = new ArrayList<>(run.stream().map(l -> cell && l.startsWith("|") ? l.substring(1) : l).toList());
    items.sort(null);
    if (cell) {
      items.set(0, "|" + items.getFirst());
    }
    out.addAll(items);
    run.clear();
  }
}
