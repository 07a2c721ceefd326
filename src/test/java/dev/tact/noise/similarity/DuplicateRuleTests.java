package dev.tact.noise.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DuplicateRuleTests {

  private static final String PITCH = "We are a leading provider of cloud based procurement software and we would"
      + " love to show you how our platform helps companies like yours cut purchasing costs by up to thirty percent"
      + " within the first year. Our customers include several large retailers and manufacturers across Europe.";

  private final DuplicateRule rule = DuplicateRule.defaults();
  private final MinHasher hasher = new MinHasher();

  @Test
  void shouldRequireTheSameAuthorWhenBothAreKnown() {
    Signature question = hasher.sign("what is my balance");
    assertThat(rule.isDuplicate("Anna@Example.com ", question, "anna@example.com", question)).isTrue();
    assertThat(rule.isDuplicate("anna@example.com", question, "bob@example.com", question)).isFalse();
    Signature pitch = hasher.sign(PITCH.toLowerCase());
    assertThat(rule.isDuplicate("rep@vendor.example", pitch, "other@vendor.example", pitch)).isFalse();
  }

  @Test
  void shouldAllowAnUnknownAuthorOnlyWhenBothTextsAreLong() {
    Signature pitch = hasher.sign(PITCH.toLowerCase());
    Signature question = hasher.sign("what is my balance");
    assertThat(pitch.shingleCount()).isGreaterThanOrEqualTo(DuplicateRule.DEFAULT_MIN_SHINGLES_WITHOUT_AUTHOR);
    assertThat(rule.isDuplicate(null, pitch, "rep@vendor.example", pitch)).isTrue();
    assertThat(rule.isDuplicate(null, pitch, null, pitch)).isTrue();
    assertThat(rule.isDuplicate(null, question, "anna@example.com", question)).isFalse();
    assertThat(rule.isDuplicate(" ", question, null, question)).isFalse();
  }

  @Test
  void shouldRequireTheThreshold() {
    Signature a = hasher.sign(PITCH.toLowerCase());
    Signature b = hasher.sign("something else entirely about invoices and refunds for the month of october");
    assertThat(rule.isDuplicate("x@y.example", a, "x@y.example", b)).isFalse();
    assertThat(rule.withThreshold(1.0).isDuplicate("x@y.example", a, "x@y.example", a)).isTrue();
    assertThatThrownBy(() -> new DuplicateRule(0, 40)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DuplicateRule(0.8, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldHashAuthorsCaseInsensitivelyAndBlankAsUnknown() {
    assertThat(DuplicateRule.authorHash("A@B.example")).isEqualTo(DuplicateRule.authorHash(" a@b.example"));
    assertThat(DuplicateRule.authorHash("a@b.example")).isNotEqualTo(DuplicateRule.authorHash("a@c.example"));
    assertThat(DuplicateRule.authorHash(null)).isEqualTo(DuplicateRule.UNKNOWN_AUTHOR);
    assertThat(DuplicateRule.authorHash("  ")).isEqualTo(DuplicateRule.UNKNOWN_AUTHOR);
  }
}
