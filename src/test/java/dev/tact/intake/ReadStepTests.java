package dev.tact.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.contact.ContactNames;
import dev.tact.conversation.InboundMessage;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadStepTests {

  private final ReadStep read = new ReadStep(List.of(new PlainReader()), ids -> Map.of());

  @Test
  void shouldReadEachItemWithTheReaderOfItsContentType() {
    InboundContext plain = new InboundContext(item("text/plain", "hello"));

    read.applyAll(List.of(plain));

    assertThat(plain.next()).isEqualTo(Next.PROCEED);
    assertThat(plain.read().message().build().text()).isEqualTo("hello");
    assertThat(plain.trail()).containsExactly("read");
  }

  @Test
  void shouldParkWhatNoReaderReadsAndWhatItsReaderCannotRead() {
    InboundContext unknown = new InboundContext(item("text/x-unknown", "?"));
    InboundContext broken = new InboundContext(item("text/plain", ""));

    read.applyAll(List.of(unknown, broken));

    assertThat(unknown.next()).isInstanceOfSatisfying(Next.Park.class,
        park -> assertThat(park.reason()).contains("text/x-unknown"));
    assertThat(broken.next()).isInstanceOfSatisfying(Next.Park.class,
        park -> assertThat(park.reason()).isEqualTo("Nothing to read."));
  }

  @Test
  void shouldSuppressWhatItsChannelSaysNotToFileAndPassTheRest() {
    ChannelCheckStep check = new ChannelCheckStep();
    InboundContext looping = new InboundContext(item("text/plain", "loop"));
    InboundContext fine = new InboundContext(item("text/plain", "fine"));
    read.applyAll(List.of(looping, fine));

    assertThat(check.apply(looping)).isEqualTo(new Next.Suppress("Mail loop."));
    assertThat(check.apply(fine)).isEqualTo(Next.PROCEED);
  }

  private static InboundItem item(String contentType, String payload) {
    return new InboundItem(Ids.newId(), "web", null, contentType, payload, Instant.now(), ItemState.PENDING, 0, null,
        null, null, Ids.newId(), null, null, null);
  }

  /** Reads a payload as the message's text; "loop" asks not to be filed, and an empty one is unreadable. */
  private static final class PlainReader implements ItemReader {

    @Override
    public String contentType() {
      return "text/plain";
    }

    @Override
    public ReadItem read(InboundItem item, byte[] raw) {
      if (item.payload().isEmpty()) {
        throw new UnreadableItemException("Nothing to read.", null);
      }
      ChannelTraits traits = !item.payload().equals("loop") ? ChannelTraits.NONE : new ChannelTraits() {
        @Override
        public Optional<String> suppression() {
          return Optional.of("Mail loop.");
        }
      };
      return new ReadItem(() -> null, new ContactNames(null, null, null),
          InboundMessage.builder(item.messageId(), Channel.WEB).text(item.payload()),
          new ReadItem.Reporting(null, "", "", false, null, false), traits);
    }
  }
}
