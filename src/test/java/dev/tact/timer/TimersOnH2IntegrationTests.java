package dev.tact.timer;

import dev.tact.TactApplication;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = {TactApplication.class, RecordingTimerHandler.class}, properties = {
    "spring.datasource.url=jdbc:h2:mem:sla-timers;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.enabled=false", "tact.sla.timers.enabled=false"})
class TimersOnH2IntegrationTests extends TimersContract {}
