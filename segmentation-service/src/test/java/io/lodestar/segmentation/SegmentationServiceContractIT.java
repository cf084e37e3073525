package io.lodestar.segmentation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application (target/quarkus-app), started as its own process. */
@QuarkusIntegrationTest
class SegmentationServiceContractIT extends SegmentationServiceContractTest {
}
