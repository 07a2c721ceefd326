package dev.tact.sla.web;

import dev.tact.testsupport.FreshPostgresDatabase;
import dev.tact.testsupport.RequiresPostgres;

/** The SLA filter of inbox and API on PostgreSQL (the fresh database's URL wins over the H2 one inherited). */
@RequiresPostgres
@FreshPostgresDatabase
class SlaInboxFilterOnPostgresTests extends SlaInboxFilterTests {}
