package dev.tact.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The merge history names the contact merged in, not its id. */
class ContactMergeTests {

  private static final UUID MERGED = UUID.fromString("01900000-0000-7000-8000-0000000000aa");

  @Test
  void shouldNameTheMergedContactWithItsIdentitiesWhenBothAreKnown() {
    assertThat(merge("Kenji Watanabe", List.of("+1 204 555 0142", "kenji@example.jp")).describeMerged())
        .isEqualTo("Kenji Watanabe (+1 204 555 0142, kenji@example.jp)");
  }

  @Test
  void shouldFallBackToWhatIsKnownWhenTheNameOrTheIdentitiesAreMissing() {
    assertThat(merge("Kenji Watanabe", List.of()).describeMerged()).as("a merge recorded before identities were kept")
        .isEqualTo("Kenji Watanabe");
    assertThat(merge(null, List.of("kenji@example.jp")).describeMerged()).isEqualTo("kenji@example.jp");
    assertThat(merge(null, List.of()).describeMerged()).isEqualTo("contact " + MERGED);
  }

  private static ContactMerge merge(String name, List<String> identities) {
    return new ContactMerge(UUID.randomUUID(), UUID.randomUUID(), MERGED, "Ada", Instant.EPOCH, identities.size(),
        name, identities);
  }
}
