package com.mimeeqportal.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the start-up benchmark starts the portal and reads the JVM's start from the ready banner. */
class PortalRunTest {

    private static final String LOG = """
            [2026-12-01T13:27:44.839+0000] [] [INFO] [] [PayaraMicro] [tid: _ThreadID=3] [timeMillis: 1796131664839] [levelValue: 800] Built
            [2026-12-01T13:28:46.400+0000] [] [INFO] [] [com.mimeeqportal.boot.Startup] [tid: _ThreadID=3] [timeMillis: 1796131726400] [levelValue: 800] [[

              Mimeeq Portal is ready at http://localhost:18571/  (demo mode, data in /tmp/b/data, 61583 ms after JVM start)
            ]]
            [2026-12-01T13:28:47.000+0000] [] [INFO] [] [PayaraMicro] [tid: _ThreadID=3] [timeMillis: 1796131727000] [levelValue: 800] later
            """;

    @Test
    void theBannerGivesTheTimeItWasLoggedAndTheUptimeItNames() {
        assertArrayEquals(new long[] {1796131726400L, 61583L}, PortalRun.banner(LOG));
    }

    @Test
    void aSecondBannerInOneLogIsASecondDeployment() {
        assertEquals(1, PortalRun.deployments(LOG));
        assertEquals(2, PortalRun.deployments(LOG + LOG));
    }

    @Test
    void noBannerYetIsNoAnswer() {
        assertNull(PortalRun.banner(LOG.substring(0, LOG.indexOf("  Mimeeq"))));
    }

    @Test
    void theCommandIsTheRunProfilesWithTheFlagsGiven() {
        Path launcher = Path.of("/tmp/rt/launch-micro.jar");
        List<String> command = PortalRun.command("  -XX:+UseSerialGC   -Xmx512m ", "", 18080, launcher);
        assertEquals(List.of("java", "-XX:+UseSerialGC", "-Xmx512m", "-Dportal.http.port=18080", "-jar",
                "/tmp/rt/launch-micro.jar"), command.subList(0, 6));
        String line = String.join(" ", command);
        assertTrue(line.contains("sandbox.war --deploy "), line);
        assertTrue(line.endsWith("portal.war:/ --port 18080 --nohazelcast --disablephonehome"), line);
        assertEquals(List.of("java", "-Dportal.http.port=1"), PortalRun.command("", " ", 1, launcher).subList(0, 2));
        List<String> withOptions = PortalRun.command("", "--maxhttpthreads 20", 1, launcher);
        assertEquals(List.of("--disablephonehome", "--maxhttpthreads", "20"), withOptions.subList(withOptions.size() - 3,
                withOptions.size()));
    }
}
