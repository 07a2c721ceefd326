package dev.tact.timer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The {@link TimerHandler} beans by kind; two handlers for one kind stop the application at start. */
@Component
class TimerHandlers {

  private final Map<String, TimerHandler> byKind = new TreeMap<>();

  TimerHandlers(List<TimerHandler> handlers) {
    for (TimerHandler handler : handlers) {
      TimerHandler before = byKind.putIfAbsent(handler.kind(), handler);
      if (before != null) {
        throw new IllegalStateException("Two timer handlers for kind " + handler.kind() + ": "
            + before.getClass().getName() + " and " + handler.getClass().getName());
      }
    }
  }

  Optional<TimerHandler> forKind(String kind) {
    return Optional.ofNullable(byKind.get(kind));
  }

  Set<String> kinds() {
    return byKind.keySet();
  }
}
