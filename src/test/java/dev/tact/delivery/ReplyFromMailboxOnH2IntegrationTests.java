package dev.tact.delivery;

import dev.tact.testsupport.ManualDispatchTest;

@ManualDispatchTest
class ReplyFromMailboxOnH2IntegrationTests extends ReplyFromMailboxContract {}
