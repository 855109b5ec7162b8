package com.mimeeqportal.security;

import com.mimeeqportal.system.PortalConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds back the answer to a refused sign-in ({@code portal.login.refusal-delay-ms}, a second by default)
 * before sending it. The page is written at once into the response buffer; the request then goes
 * asynchronous and a timer completes it later, so no request thread waits.
 *
 * <p>Why: the rate limits make a refused attempt cheap (no hash), but a flood that sends its next guess the
 * moment the 429 arrives still keeps the server busy answering: a thousand refusals from twenty connections
 * took both cores of a small server for a couple of seconds, and every other user's page was slower meanwhile.
 * Held for a second, each of the flood's connections makes one attempt a second, which costs next to
 * nothing. A person who hit the limit waits a second longer to read that they must wait.
 *
 * <p>At most {@link #MAX_HELD} answers are held at once; past that (a flood over thousands of connections)
 * they go at once, so the held requests can't grow without bound.
 */
@ApplicationScoped
public class SignInTarpit {

    static final int MAX_HELD = 2_000;
    private static final Logger LOG = Logger.getLogger(SignInTarpit.class.getName());

    private final Duration delay;
    private final AtomicInteger held = new AtomicInteger();
    private final Set<AsyncContext> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    @Inject
    public SignInTarpit(PortalConfig config) {
        this(config.loginRefusalDelay());
    }

    SignInTarpit(Duration delay) {
        this.delay = delay;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                work -> Thread.ofPlatform().daemon().name("sign-in-refusal-delay").unstarted(work));
    }

    protected SignInTarpit() {
        this.delay = Duration.ZERO;
        this.timer = null;
    }

    /**
     * Call after the refusal has been written (and before the servlet returns): the response is completed
     * after the delay instead of now. Returns whether it is held.
     */
    public boolean hold(HttpServletRequest request) {
        if (delay.isZero() || !request.isAsyncSupported()) {
            return false;
        }
        if (held.incrementAndGet() > MAX_HELD) {
            held.decrementAndGet();
            return false;
        }
        AsyncContext async = request.startAsync();
        // Longer than the delay: the container's own timeout must never be the one that ends it.
        async.setTimeout(delay.toMillis() + 30_000);
        waiting.add(async);
        timer.schedule(() -> send(async), delay.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    private void send(AsyncContext async) {
        if (!waiting.remove(async)) {
            return;
        }
        try {
            async.complete();
        } catch (RuntimeException e) {
            // The client went away meanwhile; nothing is left to send.
            LOG.log(Level.FINE, "A held sign-in refusal could not be completed", e);
        } finally {
            held.decrementAndGet();
        }
    }

    int held() {
        return held.get();
    }

    @PreDestroy
    void stop() {
        // Answers still held are sent now rather than left to the container's timeout.
        timer.shutdownNow();
        waiting.forEach(this::send);
    }
}
