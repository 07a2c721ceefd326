package dev.tact.web.api;

import dev.tact.testsupport.TactTest;

/** The same configuration as {@link ApiOnH2IntegrationTests}, so the suite starts this context once. */
@TactTest
class MessagesBatchOnH2IntegrationTests extends MessagesBatchContract {}
