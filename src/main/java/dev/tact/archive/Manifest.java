package dev.tact.archive;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an archive holds: its format, the Flyway schema version it was written at, and each file with its size, its
 * rows (table files) and its SHA-256. It names nothing about where or when it was written, so that the same data
 * gives the same manifest from any database.
 */
public record Manifest(String format, String schemaVersion, List<Entry> files) {

  public static final String FORMAT = "tact-archive-1";
  static final String PATH = "manifest.json";

  public record Entry(String path, long bytes, long rows, String sha256) {}

  public long rowsOf(String path) {
    return files.stream().filter(f -> f.path().equals(path)).mapToLong(Entry::rows).findFirst().orElse(-1);
  }

  String toJson() {
    StringBuilder out = new StringBuilder();
    out.append("{\"format\":");
    CanonicalJson.quote(out, format);
    out.append(",\"schemaVersion\":");
    CanonicalJson.quote(out, schemaVersion);
    out.append(",\"files\":[\n");
    for (int i = 0; i < files.size(); i++) {
      Entry file = files.get(i);
      out.append("{\"path\":");
      CanonicalJson.quote(out, file.path());
      out.append(",\"bytes\":").append(file.bytes()).append(",\"rows\":").append(file.rows()).append(",\"sha256\":");
      CanonicalJson.quote(out, file.sha256());
      out.append(i + 1 < files.size() ? "},\n" : "}\n");
    }
    return out.append("]}\n").toString();
  }

  static Manifest parse(String json) {
    try {
      JsonNode root = JsonMapper.builder().build().readTree(json);
      List<Entry> files = new ArrayList<>();
      for (JsonNode file : root.required("files")) {
        files.add(new Entry(file.required("path").asString(), file.required("bytes").asLong(),
            file.required("rows").asLong(), file.required("sha256").asString()));
      }
      return new Manifest(root.required("format").asString(), root.required("schemaVersion").asString(),
          List.copyOf(files));
    } catch (JacksonException | IllegalArgumentException e) {
      throw new ArchiveProblem("The archive is damaged: its manifest cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
