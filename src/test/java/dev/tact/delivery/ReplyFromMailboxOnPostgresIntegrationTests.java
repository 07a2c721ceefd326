package dev.tact.delivery;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.ManualDispatchTest;
import dev.tact.testsupport.RequiresPostgres;

@RequiresPostgres
@FreshPostgresDatabase
@ManualDispatchTest
class ReplyFromMailboxOnPostgresIntegrationTests extends ReplyFromMailboxContract {}
