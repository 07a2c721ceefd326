package dev.tact.noise.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignatureIndexTests {

  private static final long NOW = 1_795_000_000L;
  private static final long DAY = 86_400L;
  private static final String PITCH = """
      We are a leading provider of cloud based procurement software and we would love to show you how our
      platform helps companies like yours cut purchasing costs by up to thirty percent within the first year.
      Our customers include several large retailers and manufacturers across Europe. Would you have twenty
      minutes next week for a short call with one of our consultants to discuss your current processes?
      """;

  private final TextNormaliser normaliser = new TextNormaliser();
  private final MinHasher hasher = new MinHasher();

  private Signature sign(String text) {
    return hasher.sign(normaliser.normalise(text));
  }

  @Test
  void shouldFindTheOriginalWhenTheSameAuthorSendsAVariant() {
    SignatureIndex index = new SignatureIndex();
    index.add(1, "rep@vendor.example", sign("Hi Anna,\n\n" + PITCH + "\nBest regards,\nTom"), NOW);
    index.add(2, "someone@else.example", sign("Where is my parcel? I ordered it two weeks ago."), NOW);

    Optional<IndexMatch> match = index.bestMatch("REP@vendor.example",
        sign("Dear all,\n" + PITCH.replace("\n", " ") + "\nThanks,\nTom Miller\n+44 20 7946 0000"), NOW - DAY, 0.8);

    assertThat(match).map(IndexMatch::ref).contains(1L);
    assertThat(match.orElseThrow().similarity()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void shouldNotMatchWhenDifferentSendersAskTheSameQuestion() {
    SignatureIndex index = new SignatureIndex();
    index.add(1, "anna@customer.example", sign("What is my current account balance?"), NOW);

    assertThat(index.bestMatch("bob@customer.example", sign("What is my current account balance?"), 0, 0.8))
        .isEmpty();
    assertThat(index.bestMatch("anna@customer.example", sign("What is my current account balance?"), 0, 0.8))
        .map(IndexMatch::ref).contains(1L);
  }

  @Test
  void shouldMatchAnUnknownAuthorOnlyForLongTexts() {
    SignatureIndex index = new SignatureIndex();
    index.add(1, "rep@vendor.example", sign(PITCH), NOW);
    index.add(2, "anna@customer.example", sign("What is my current account balance?"), NOW);

    assertThat(index.bestMatch(null, sign(PITCH), 0, 0.8)).map(IndexMatch::ref).contains(1L);
    assertThat(index.bestMatch(null, sign("What is my current account balance?"), 0, 0.8)).isEmpty();
    assertThat(index.bestMatch("", sign("What is my current account balance?"), 0, 0.8)).isEmpty();
  }

  @Test
  void shouldIgnoreEntriesBeforeTheWindowAndForgetEvictedOnes() {
    SignatureIndex index = new SignatureIndex();
    index.add(1, "rep@vendor.example", sign(PITCH), NOW - 20 * DAY);
    index.add(2, "other@vendor.example", sign("Please cancel my subscription from next month on."), NOW);

    assertThat(index.bestMatch("rep@vendor.example", sign(PITCH), NOW - 14 * DAY, 0.8)).isEmpty();
    assertThat(index.bestMatch("rep@vendor.example", sign(PITCH), NOW - 30 * DAY, 0.8)).isPresent();

    index.removeOlderThan(NOW - 14 * DAY);

    assertThat(index.size()).isEqualTo(1);
    assertThat(index.bestMatch("rep@vendor.example", sign(PITCH), NOW - 30 * DAY, 0.8)).isEmpty();
    assertThat(index.bestMatch("other@vendor.example", sign("Please cancel my subscription from next month on."),
        0, 0.8)).map(IndexMatch::ref).contains(2L);
  }

  @Test
  void shouldKeepFindingEntriesWhenTheIndexGrowsAndShrinks() {
    SignatureIndex index = new SignatureIndex(MinHasher.DEFAULT_HASH_COUNT, 16, 4, DuplicateRule.defaults(), 64);
    int count = 3000;
    for (int i = 0; i < count; i++) {
      index.add(i, "sender" + i + "@example.com", sign("Order number " + i + " has not arrived yet, message " + i
          + " of the series, please check the tracking for order " + i), NOW + i);
    }
    assertThat(index.size()).isEqualTo(count);
    for (int i = 0; i < count; i += 97) {
      assertThat(index.bestMatch("sender" + i + "@example.com", sign("Order number " + i
          + " has not arrived yet, message " + i + " of the series, please check the tracking for order " + i),
          0, 0.8)).map(IndexMatch::ref).contains((long) i);
    }
    index.removeOlderThan(NOW + count - 10);
    assertThat(index.size()).isEqualTo(10);
    assertThat(index.bestMatch("sender2995@example.com", sign("Order number 2995 has not arrived yet, message 2995"
        + " of the series, please check the tracking for order 2995"), 0, 0.8)).map(IndexMatch::ref)
        .contains(2995L);
    assertThat(index.bestMatch("sender5@example.com", sign("Order number 5 has not arrived yet, message 5"
        + " of the series, please check the tracking for order 5"), 0, 0.8)).isEmpty();
  }

  @Test
  void shouldIgnoreEmptySignatures() {
    SignatureIndex index = new SignatureIndex();
    index.add(1, "a@example.com", sign("   "), NOW);

    assertThat(index.size()).isZero();
    assertThat(index.bestMatch("a@example.com", sign(""), 0, 0.8)).isEmpty();
  }

  @Test
  void shouldStayConsistentUnderConcurrentAddAndFind() throws Exception {
    SignatureIndex index = new SignatureIndex(MinHasher.DEFAULT_HASH_COUNT, 16, 4, DuplicateRule.defaults(), 64);
    int writers = 3;
    int perWriter = 800;
    List<Signature> signatures = new ArrayList<>();
    for (int i = 0; i < writers * perWriter; i++) {
      signatures.add(sign("Ticket " + i + ": the invoice " + i + " shows a wrong amount for the month " + i
          + ", please correct invoice " + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        futures.add(pool.submit(() -> {
          for (int i = writer * perWriter; i < (writer + 1) * perWriter; i++) {
            index.add(i, "author" + i, signatures.get(i), NOW);
          }
        }));
      }
      for (int r = 0; r < 2; r++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < writers * perWriter; i++) {
            index.bestMatch("author" + i, signatures.get(i), 0, 0.8)
                .ifPresent(match -> assertThat(match.similarity()).isGreaterThanOrEqualTo(0.8));
          }
        }));
      }
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(index.size()).isEqualTo(writers * perWriter);
    for (int i = 0; i < writers * perWriter; i++) {
      assertThat(index.bestMatch("author" + i, signatures.get(i), 0, 0.8)).map(IndexMatch::ref).contains((long) i);
    }
  }
}
