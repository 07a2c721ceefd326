package dev.tact.timer;

import dev.tact.TactApplication;
import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;

@RequiresPostgres
@FreshPostgresDatabase
@SpringBootTest(classes = {TactApplication.class, RecordingTimerHandler.class}, properties = {
    "tact.demo.enabled=false", "tact.routing.enabled=false", "tact.sla.timers.enabled=false"})
class TimersOnPostgresIntegrationTests extends TimersContract {}
