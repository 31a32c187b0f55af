package dev.kubelessons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The ./jbang wrapper records its class-data sharing archive from this training run; a training
 * that fails part way records fewer classes and nobody notices but the clock, so it must pass.
 */
class CdsTrainingTest {

    @Test
    void theTrainingRunsEveryStartUpCommandCleanlyOnTheCourse() {
        assertEquals(0, CdsTraining.run());
    }
}
