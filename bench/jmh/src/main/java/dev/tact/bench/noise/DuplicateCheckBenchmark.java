package dev.tact.bench.noise;

import dev.tact.bench.BenchData;
import dev.tact.noise.similarity.IndexMatch;
import dev.tact.noise.similarity.MinHasher;
import dev.tact.noise.similarity.SignatureIndex;
import dev.tact.noise.similarity.TextNormaliser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Noise control's duplicate check per message (issue 4 goal: 20,000 per second per core) against an index of
 * 1,000,000 recent signatures: normalise + sign + bestMatch of typical message texts (a salutation, two to six
 * customer sentences from BANKING77 and CLINC150, a sign-off; about 400 characters), half of which have a
 * duplicate by the same author in the index. The index holds signatures of texts made the same way, from
 * 200,000 authors. Setup prints the index's retained heap per signature (heap used after full GCs, with and
 * without the index: {@code MemoryMXBean}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DuplicateCheckBenchmark {

  private static final int INDEXED = 1_000_000;
  private static final int QUERIES = 4096;
  private static final long NOW = 1_795_000_000L;

  private final TextNormaliser normaliser = new TextNormaliser();
  private final MinHasher hasher = new MinHasher();
  private SignatureIndex index;
  private String[] queries;
  private String[] queryAuthors;
  private String pitch;
  private int next;

  @Setup
  public void fill() {
    List<String> sentences = sentences();
    Random random = new Random(7);
    queries = new String[QUERIES];
    queryAuthors = new String[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      queries[i] = message(sentences, random);
      queryAuthors[i] = "author" + random.nextInt(200_000) + "@example.com";
    }
    long before = usedHeap();
    index = new SignatureIndex();
    for (int i = 0; i < INDEXED; i++) {
      boolean duplicate = i < QUERIES / 2;
      String text = duplicate ? queries[i * 2] : message(sentences, random);
      String author = duplicate ? queryAuthors[i * 2] : "author" + random.nextInt(200_000) + "@example.com";
      index.add(i, author, hasher.sign(normaliser.normalise(text)), NOW - random.nextInt(14 * 86_400));
    }
    long after = usedHeap();
    System.out.printf("%nindex of %,d signatures: %,d bytes retained, %.1f bytes per signature%n", index.size(),
        after - before, (double) (after - before) / index.size());
    StringBuilder long_ = new StringBuilder("Dear all,\n\n");
    while (long_.length() < 2000) {
      long_.append(sentences.get(random.nextInt(sentences.size()))).append(". ");
    }
    pitch = long_.append("\n\nBest regards,\nTom Miller\nSales\n+44 20 7946 0000").toString();
  }

  @Benchmark
  public Optional<IndexMatch> checkTypicalMessage() {
    int i = next;
    next = (next + 1) & (QUERIES - 1);
    return index.bestMatch(queryAuthors[i], hasher.sign(normaliser.normalise(queries[i])), NOW - 14 * 86_400, 0.8);
  }

  @Benchmark
  public Optional<IndexMatch> checkLongPitch() {
    return index.bestMatch(null, hasher.sign(normaliser.normalise(pitch)), NOW - 14 * 86_400, 0.8);
  }

  private static String message(List<String> sentences, Random random) {
    StringBuilder text = new StringBuilder(random.nextBoolean() ? "Hi,\n\n" : "Hello team,\n\n");
    int count = 2 + random.nextInt(5);
    for (int s = 0; s < count; s++) {
      text.append(sentences.get(random.nextInt(sentences.size()))).append(s % 2 == 1 ? ".\n" : ". ");
    }
    return text.append("\nThanks,\nAnna ").append(random.nextInt(10_000)).toString();
  }

  private static long usedHeap() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The first column of BANKING77's and CLINC150's rows (their texts carry no commas except in quotes). */
  private static List<String> sentences() {
    List<String> sentences = new ArrayList<>();
    for (String file : List.of("intent-banking77/dev/banking77.csv", "intent-clinc150/dev/clinc150.csv")) {
      List<String> lines;
      try {
        lines = Files.readAllLines(BenchData.corpora().resolve(file), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (String line : lines.subList(1, lines.size())) {
        String text = line.startsWith("\"") ? line.substring(1, Math.max(1, line.indexOf('"', 1)))
            : line.substring(0, Math.max(0, line.indexOf(',')));
        if (!text.isBlank()) {
          sentences.add(text.strip());
        }
      }
    }
    return sentences;
  }
}
