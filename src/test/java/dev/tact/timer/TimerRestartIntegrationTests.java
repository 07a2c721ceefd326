package dev.tact.timer;

import dev.tact.testsupport.TactNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimerRestartIntegrationTests {

  @Test
  void shouldFireTimersOfAStoppedNodeOnceOnTheNextNodeWhenOnH2(@TempDir Path folder) {
    TimerRestartScenario.run(TactNode.h2File(folder));
  }
}
