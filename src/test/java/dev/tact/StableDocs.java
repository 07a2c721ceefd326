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
    return sortRuns(lines, line -> line.startsWith("Rel("));
  }

  /**
   * AsciiDoc canvas: a table cell ({@code |} and the lines up to the next cell) that holds only a bullet list is
   * written as one sorted list, without the blank lines Modulith sometimes puts between items.
   */
  static List<String> sortBulletLists(List<String> lines) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (!line.startsWith("|") || line.startsWith("|===")) {
        out.add(line);
        i++;
        continue;
      }
      int next = i + 1;
      while (next < lines.size() && !lines.get(next).startsWith("|")) {
        next++;
      }
      List<String> cell = new ArrayList<>();
      cell.add(line.substring(1));
      cell.addAll(lines.subList(i + 1, next));
      List<String> items = cell.stream().filter(l -> !l.isBlank()).toList();
      if (!items.isEmpty() && items.stream().allMatch(l -> l.startsWith("* "))) {
        List<String> sorted = new ArrayList<>(items);
        sorted.sort(null);
        sorted.set(0, "|" + sorted.getFirst());
        out.addAll(sorted);
      } else {
        out.addAll(lines.subList(i, next));
      }
      i = next;
    }
    return out;
  }

  private static List<String> sortRuns(List<String> lines, java.util.function.Predicate<String> inRun) {
    List<String> out = new ArrayList<>();
    List<String> run = new ArrayList<>();
    for (String line : lines) {
      if (inRun.test(line)) {
        run.add(line);
        continue;
      }
      run.sort(null);
      out.addAll(run);
      run.clear();
      out.add(line);
    }
    run.sort(null);
    out.addAll(run);
    return out;
  }
}
