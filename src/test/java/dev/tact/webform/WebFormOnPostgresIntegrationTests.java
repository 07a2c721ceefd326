package dev.tact.webform;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@RequiresPostgres
@FreshPostgresDatabase
@SpringBootTest(properties = {
    "tact.demo.enabled=false", "tact.delivery.enabled=false", "tact.delivery.pacing.enabled=false",
    "tact.delivery.from-address=support@tact.test", "tact.webform.proof-of-work-bits=4",
    "tact.webform.min-time-to-submit=2s", "tact.webform.submit-burst=3", "tact.webform.submit-per-minute=1"})
@Import(WebFormContract.TestClock.class)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class WebFormOnPostgresIntegrationTests extends WebFormContract {}
