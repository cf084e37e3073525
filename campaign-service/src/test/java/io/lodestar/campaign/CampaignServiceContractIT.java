package io.lodestar.campaign;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application (target/quarkus-app), started as its own process. */
@QuarkusIntegrationTest
class CampaignServiceContractIT extends CampaignServiceContractTest {
}
