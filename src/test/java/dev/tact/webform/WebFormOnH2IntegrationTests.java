package dev.tact.webform;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:webform;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.delivery.enabled=false", "tact.delivery.pacing.enabled=false",
    "tact.delivery.from-address=support@tact.test", "tact.webform.proof-of-work-bits=4",
    "tact.webform.min-time-to-submit=2s", "tact.webform.submit-burst=3", "tact.webform.submit-per-minute=1"})
@Import(WebFormContract.TestClock.class)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class WebFormOnH2IntegrationTests extends WebFormContract {}
