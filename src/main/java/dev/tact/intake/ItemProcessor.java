package dev.tact.intake;

import dev.tact.conversation.FiledTogether;
import dev.tact.intake.ItemStore.ItemEnd;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The road in, for every channel: read (a reader per content type) → the channel's own check → identify the
 * sender → thread (redelivery decided once, by the conversation module) → noise control → file. Each step says
 * what happens next ({@link Next}); where the road ends is recorded on the item by {@link ItemMarks}, and an item
 * that cannot be read is parked.
 *
 * <p>Reading, the channel's check and finding the senders' contacts work on the whole set (none of them depends on
 * what is filed); the later steps take the items one by one in their claimed order, because an item's thread and
 * noise decision depend on what was filed for the items before it (a reply, a copy, a loop). Where each road ended
 * is written for the set at its end.
 */
@Component
class ItemProcessor {

  private final SetStep read;
  private final ItemStep check;
  private final IdentifySenderStep identify;
  private final List<Named> road;
  private final ItemMarks marks;
  private final FiledTogether filedTogether;

  ItemProcessor(ReadStep read, ChannelCheckStep check, IdentifySenderStep identify, ThreadStep thread,
      NoiseStep noise, FileStep file, ItemMarks marks, FiledTogether filedTogether) {
    this.filedTogether = filedTogether;
    this.read = read;
    this.check = check;
    this.identify = identify;
    this.road = List.of(new Named("identify sender", identify), new Named("thread", thread),
        new Named("noise", noise), new Named("file", file));
    this.marks = marks;
  }

  private record Named(String name, ItemStep step) {}

  /**
   * Turns these logged items into messages in the caller's transaction, all or nothing: when any item fails, or
   * cannot be read ({@link UnreadableItemException}), this throws and the caller rolls the whole set back (and
   * may then retry the items one by one to find the one at fault). The messages filed are told to after-commit
   * listeners once for the set ({@link FiledTogether}).
   */
  void processAll(List<InboundItem> items) {
    processAllTraced(items);
  }

  /** As {@link #processAll}, answering each item's context (the steps it passed, and where its road ended). */
  List<InboundContext> processAllTraced(List<InboundItem> items) {
    return filedTogether.run(() -> road(items));
  }

  private List<InboundContext> road(List<InboundItem> items) {
    List<InboundContext> contexts = items.stream().map(InboundContext::new).toList();
    read.applyAll(contexts);
    contexts.stream().filter(context -> context.next().proceeds())
        .forEach(context -> context.passed("check", check.apply(context)));
    identify.prepare(contexts);
    List<ItemEnd> ends = new ArrayList<>(contexts.size());
    for (InboundContext context : contexts) {
      for (Named named : road) {
        if (!context.next().proceeds()) {
          break;
        }
        context.passed(named.name(), named.step().apply(context));
      }
      ends.add(marks.end(context));
    }
    marks.recordAll(ends);
    return contexts;
  }
}
