package dev.tact.dashboard;

import dev.tact.testsupport.TactTest;

/** Same settings as the API contract's tests on H2, so one context serves them all. */
@TactTest
class DashboardPanelsOnH2IntegrationTests extends DashboardPanelsContract {}
