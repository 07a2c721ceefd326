package dev.tact.portal;

import dev.tact.testsupport.DeliveryOffTest;

/** The customer portal on the embedded database. */
@DeliveryOffTest
class PortalIntegrationTests extends PortalContract {}
