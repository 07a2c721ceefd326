package dev.tact.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InListsTests {

  @Test
  void shouldHandEachDistinctValueOnceInSlicesOfAtMostTheLimitInTheOrderFirstSeen() {
    List<Integer> values = new ArrayList<>(IntStream.range(0, 2_500).boxed().toList());
    values.addAll(IntStream.range(0, 700).map(i -> 2_499 - i).boxed().toList());
    List<List<Integer>> slices = new ArrayList<>();

    InLists.forEachSlice(values, slice -> slices.add(List.copyOf(slice)));

    assertThat(slices).extracting(List::size).containsExactly(InLists.MAX, InLists.MAX, 500);
    assertThat(slices.stream().flatMap(List::stream).toList())
        .isEqualTo(IntStream.range(0, 2_500).boxed().toList());
  }

  @Test
  void shouldNotQueryForNoValues() {
    List<List<String>> slices = new ArrayList<>();

    InLists.forEachSlice(List.<String>of(), slices::add);

    assertThat(slices).isEmpty();
  }
}
