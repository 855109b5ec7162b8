package com.mimeeqportal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures came from: cores, CPU, load average at the start and the end, Java, operating system. */
final class Machine {

    private Machine() {
    }

    /** The 1-, 5- and 15-minute load averages, as /proc/loadavg gives them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return String.format(java.util.Locale.ROOT, "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static List<String> describe(String loadBefore, String loadAfter) {
        return List.of(
                "machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu() + "), "
                        + System.getProperty("os.name") + " " + System.getProperty("os.version"),
                "load average (1, 5, 15 min): " + loadBefore + " at the start, " + loadAfter + " at the end",
                "Java: " + System.getProperty("java.vm.name") + " " + Runtime.version() + " ("
                        + System.getProperty("java.vendor") + "), the same JDK for the benchmark, JMH's forks and "
                        + "the portal",
                "date: " + java.time.ZonedDateTime.now().withNano(0));
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
