package dev.tact.live;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/** A node that stops ends its agents' streams, and ends at once a stream a page opens while it stops. */
class AgentStreamsTests {

  private final ExecutorService delivery = Executors.newSingleThreadExecutor();
  private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

  @AfterEach
  void shutDown() {
    scheduler.shutdown();
    delivery.shutdownNow();
  }

  @Test
  void streamsEndWhenTheNodeStopsAndOnesOpenedAfterAreEndedAtOnce() {
    JsonMapper json = JsonMapper.builder().build();
    InProcessSignalBus bus = new InProcessSignalBus(delivery, json);
    scheduler.initialize();
    AgentStreams streams = new AgentStreams(bus, new Presence(bus, Clock.systemUTC()), json,
        new LiveProperties(Duration.ofSeconds(15), Duration.ofSeconds(10)), scheduler);
    streams.start();
    UUID agent = UUID.randomUUID();
    SseEmitter open = streams.open(agent, "Ada", UUID.randomUUID());
    assertThatCode(() -> open.send("still open")).doesNotThrowAnyException();

    streams.stop();
    assertThatThrownBy(() -> open.send("after the stop")).isInstanceOf(IllegalStateException.class);
    SseEmitter reconnected = streams.open(agent, "Ada", null);
    assertThatThrownBy(() -> reconnected.send("while stopping")).isInstanceOf(IllegalStateException.class);
  }
}
