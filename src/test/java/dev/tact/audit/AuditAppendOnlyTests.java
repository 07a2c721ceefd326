package dev.tact.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit log is append-only: no code path updates an entry, and only retention deletes. Read from the sources
 * (SQL lives in strings, which no bytecode rule sees), so a new UPDATE or DELETE anywhere fails the build.
 */
class AuditAppendOnlyTests {

  private static final Pattern UPDATE = Pattern.compile("update\\s+audit_entry|merge\\s+into\\s+audit_entry");
  private static final Pattern DELETE = Pattern.compile("delete\\s+from\\s+audit_entry|truncate\\s+(table\\s+)?audit_entry");
  private static final Path RETENTION = Path.of("src/main/java/dev/tact/audit/AuditRetention.java");

  @Test
  void shouldNeverUpdateAnAuditEntry() throws IOException {
    assertThat(sourcesMatching(UPDATE)).isEmpty();
  }

  @Test
  void shouldDeleteAuditEntriesOnlyInRetention() throws IOException {
    assertThat(sourcesMatching(DELETE)).containsExactly(RETENTION);
  }

  @Test
  void shouldRecogniseTheStatementsItForbids() {
    assertThat(UPDATE.matcher("UPDATE audit_entry SET summary = ''".toLowerCase(Locale.ROOT)).find()).isTrue();
    assertThat(DELETE.matcher("delete\n  from audit_entry where 1=1").find()).isTrue();
    assertThat(DELETE.matcher("DELETE FROM audit_entry_archive".toLowerCase(Locale.ROOT)).find()).isTrue();
  }

  private static List<Path> sourcesMatching(Pattern pattern) throws IOException {
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources")))) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
          .filter(f -> {
            try {
              return pattern.matcher(Files.readString(f).toLowerCase(Locale.ROOT)).find();
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }).toList();
    }
  }
}
