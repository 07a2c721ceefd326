package dev.tact.intake;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The road's first step: each item is read by the reader of its content type. An item no reader reads, or one its
 * reader cannot read, is parked. Reading depends on no other item, so the whole set is read at once.
 */
@Component
class ReadStep implements SetStep {

  private final Map<String, ItemReader> readers;

  ReadStep(List<ItemReader> readers) {
    this.readers = readers.stream().collect(Collectors.toUnmodifiableMap(ItemReader::contentType,
        Function.identity()));
  }

  @Override
  public void applyAll(List<InboundContext> contexts) {
    for (InboundContext context : contexts) {
      context.passed("read", read(context));
    }
  }

  private Next read(InboundContext context) {
    ItemReader reader = readers.get(context.item().contentType());
    if (reader == null) {
      return new Next.Park("No pipeline step reads items of type " + context.item().contentType(), null);
    }
    try {
      context.read(reader.read(context.item()));
      return Next.PROCEED;
    } catch (UnreadableItemException e) {
      return new Next.Park(e.getMessage(), e.getCause());
    }
  }
}
