package dev.tact.intake;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The road's first step: each item is read by the reader of its content type. An item no reader reads, or one its
 * reader cannot read, is parked. Reading depends on no other item, so the whole set is read at once (its raw bytes
 * in one query).
 */
@Component
class ReadStep implements SetStep {

  private final Map<String, ItemReader> readers;
  private final Function<List<UUID>, Map<UUID, byte[]>> rawContents;

  @Autowired
  ReadStep(List<ItemReader> readers, ItemStore items) {
    this(readers, items::rawContents);
  }

  /** With the raw bytes of a set read by {@code rawContents}. */
  ReadStep(List<ItemReader> readers, Function<List<UUID>, Map<UUID, byte[]>> rawContents) {
    this.rawContents = rawContents;
    this.readers = readers.stream().collect(Collectors.toUnmodifiableMap(ItemReader::contentType,
        Function.identity()));
  }

  @Override
  public void applyAll(List<InboundContext> contexts) {
    Map<UUID, byte[]> raw = rawContents.apply(contexts.stream().map(c -> c.item().id()).toList());
    for (InboundContext context : contexts) {
      context.passed("read", read(context, raw.get(context.item().id())));
    }
  }

  private Next read(InboundContext context, byte[] raw) {
    ItemReader reader = readers.get(context.item().contentType());
    if (reader == null) {
      return new Next.Park("No pipeline step reads items of type " + context.item().contentType(), null);
    }
    try {
      context.read(reader.read(context.item(), raw));
      return Next.PROCEED;
    } catch (UnreadableItemException e) {
      return new Next.Park(e.getMessage(), e.getCause());
    }
  }
}
