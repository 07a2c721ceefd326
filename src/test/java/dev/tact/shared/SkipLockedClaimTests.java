package dev.tact.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The claim loop over a table stood in for by a list of keys in claim order and the keys other claimers hold. */
class SkipLockedClaimTests {

  private final List<Integer> table = IntStream.range(0, 20).boxed().toList();
  private final List<String> reads = new ArrayList<>();

  private List<Integer> claim(int limit, Set<Integer> held) {
    return SkipLockedClaim.claim(limit, (count, offset) -> {
      reads.add(count + "@" + offset);
      return table.subList(Math.min(offset, table.size()), Math.min(offset + count, table.size()));
    }, keys -> keys.reversed().stream().filter(key -> !held.contains(key)).toList(), key -> key);
  }

  @Test
  void shouldClaimTheFirstCandidatesInClaimOrderWithOneRead() {
    assertThat(claim(5, Set.of())).containsExactly(0, 1, 2, 3, 4);
    assertThat(reads).containsExactly("5@0");
  }

  @Test
  void shouldPassOverHeldCandidatesAndReadOnlyWhatIsStillWanted() {
    assertThat(claim(5, Set.of(0, 1, 2, 6))).containsExactly(3, 4, 5, 7, 8);
    assertThat(reads).containsExactly("5@0", "3@5", "1@8");
  }

  @Test
  void shouldStopWhenNoCandidateIsLeft() {
    assertThat(claim(5, Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17))).containsExactly(18, 19);
    assertThat(reads).last().isEqualTo("3@20");
  }

  @Test
  void shouldNotTakeAKeyTwiceWhenItComesAgainOnALaterRead() {
    // another claimer committed meanwhile: key 1 (taken by the first read) is read again on the second
    List<Integer> claimed = SkipLockedClaim.claim(4, (count, offset) -> switch (offset) {
      case 0 -> List.of(0, 1, 2, 3);
      case 4 -> List.of(1, 4, 5);
      default -> List.of();
    }, keys -> keys.stream().filter(key -> !Set.of(0, 2, 3).contains(key)).toList(), key -> key);

    assertThat(claimed).containsExactly(1, 4, 5);
  }
}
