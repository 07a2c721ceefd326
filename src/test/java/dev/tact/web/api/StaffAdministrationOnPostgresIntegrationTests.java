package dev.tact.web.api;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@RequiresPostgres
@FreshPostgresDatabase
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tact.demo.enabled=false", "tact.routing.enabled=false", "tact.delivery.pacing.enabled=false",
    "tact.delivery.from-address=support@tact.test", "tact.conversation.message-id-domain=tact.test",
    "tact.admin.email=" + StaffAdministrationContract.FIRST_ADMIN,
    "tact.admin.password=" + StaffAdministrationContract.FIRST_ADMIN_PASSWORD, "tact.admin.name=First Admin"})
@Import(StaffAdministrationContract.TestClock.class)
class StaffAdministrationOnPostgresIntegrationTests extends StaffAdministrationContract {}
