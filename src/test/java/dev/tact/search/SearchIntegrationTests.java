package dev.tact.search;

import dev.tact.testsupport.TactTest;

@TactTest
class SearchIntegrationTests extends SearchContract {}
