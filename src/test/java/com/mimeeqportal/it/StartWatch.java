package com.mimeeqportal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.container.spi.event.container.AfterStart;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Takes the threads of an Arquillian-managed Payara Micro that has not started and deployed within two minutes,
 * before Arquillian's own limit (arquillian.xml, 180 s) kills it. Payara Micro's boot stalls now and then on a busy
 * 2-core machine (docs/performance.md, "Two libraries fewer…"); the ITs that start Payara themselves dump its
 * threads through {@link PayaraMicroProcess#threadDump()}, and this does the same for the container Arquillian
 * starts, whose code is Payara's. Registered in META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension.
 */
public final class StartWatch implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Watch.class);
    }

    /** Armed before the container starts and before each deployment, disarmed after each. */
    public static final class Watch {

        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "payara-start-watch");
            thread.setDaemon(true);
            return thread;
        });
        private final long patienceMillis;
        private final Path directory;
        private ScheduledFuture<?> pending;

        public Watch() {
            this(TimeUnit.MINUTES.toMillis(2), Path.of(System.getProperty("it.dir", "target/it")));
        }

        Watch(long patienceMillis, Path directory) {
            this.patienceMillis = patienceMillis;
            this.directory = directory;
        }

        public void beforeStart(@Observes BeforeStart event) {
            arm();
        }

        public void afterStart(@Observes AfterStart event) {
            disarm();
        }

        public void beforeDeploy(@Observes BeforeDeploy event) {
            arm();
        }

        public void afterDeploy(@Observes AfterDeploy event) {
            disarm();
        }

        synchronized void arm() {
            disarm();
            pending = timer.schedule(this::dumpPayara, patienceMillis, TimeUnit.MILLISECONDS);
        }

        synchronized void disarm() {
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }

        private void dumpPayara() {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ProcessHandle.current().descendants()
                    .filter(process -> process.info().commandLine().orElse("").contains("payara-micro"))
                    .forEach(process -> {
                        System.out.println("Payara Micro " + process.pid() + " has not started and deployed in "
                                + patienceMillis + " ms");
                        PayaraMicroProcess.threadDump(process.pid(),
                                directory.resolve("payara-" + process.pid() + ".threads.txt"));
                    });
        }
    }
}
