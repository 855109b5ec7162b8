package com.mimeeqportal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training start a benchmark variant with an ahead-of-time cache gets: its own command, writing the cache. */
class PayaraRuntimeTest {

    @Test
    void aVariantNamingACacheIsTrainedWithTheSameCommandWritingIt() {
        List<String> command = List.of("java", "-XX:+UseSerialGC", "-XX:AOTCache=/tmp/b/payara.aot", "-jar",
                "/tmp/rt/launch-micro.jar", "--port", "18080");
        PayaraRuntime.Training training = PayaraRuntime.training(command).orElseThrow();
        assertEquals(Path.of("/tmp/b/payara.aot"), training.cache());
        assertEquals(List.of("java", "-XX:+UseSerialGC", "-XX:AOTCacheOutput=/tmp/b/payara.aot", "-jar",
                "/tmp/rt/launch-micro.jar", "--port", "18080", "--warmup"), training.command());
    }

    @Test
    void aVariantWithoutACacheNeedsNoTraining() {
        assertTrue(PayaraRuntime.training(List.of("java", "-jar", "/tmp/rt/launch-micro.jar")).isEmpty());
    }
}
