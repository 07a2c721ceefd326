package dev.tact.web.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:staff-admin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.routing.enabled=false", "tact.delivery.pacing.enabled=false",
    "tact.delivery.from-address=support@tact.test", "tact.conversation.message-id-domain=tact.test",
    "tact.admin.email=" + StaffAdministrationContract.FIRST_ADMIN,
    "tact.admin.password=" + StaffAdministrationContract.FIRST_ADMIN_PASSWORD, "tact.admin.name=First Admin"})
@Import(StaffAdministrationContract.TestClock.class)
class StaffAdministrationOnH2IntegrationTests extends StaffAdministrationContract {}
