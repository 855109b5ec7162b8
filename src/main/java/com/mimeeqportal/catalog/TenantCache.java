package com.mimeeqportal.catalog;

import com.mimeeqportal.mimeeq.MimeeqFailure;
import com.mimeeqportal.mimeeq.MimeeqResult;
import com.mimeeqportal.mimeeq.ProductSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One tenant's cached product list and the single fetch of it that may be under way. The decision "serve,
 * serve stale and refresh, or fetch and wait" is taken under this object's lock, so exactly one request
 * starts each fetch; the fetch itself runs outside the lock.
 */
final class TenantCache {

    private Catalog.Snapshot snapshot;
    private boolean refreshFailed;
    private CompletableFuture<MimeeqResult<Catalog.View>> flight;

    /** What a request should do now. */
    sealed interface Decision {
        record Fresh(Catalog.View view) implements Decision {
        }

        /** Serve {@code view}; {@code refreshHere} when this request must start the background refresh. */
        record Stale(Catalog.View view, boolean refreshHere) implements Decision {
        }

        /** Wait for {@code flight}; {@code fetchHere} when this request must make the call itself. */
        record Missing(CompletableFuture<MimeeqResult<Catalog.View>> flight, boolean fetchHere) implements Decision {
        }
    }

    synchronized Decision decide(Instant now, Duration ttl) {
        if (snapshot != null) {
            Catalog.View view = new Catalog.View(snapshot, refreshFailed);
            if (!snapshot.fetchedAt().plus(ttl).isBefore(now)) {
                return new Decision.Fresh(view);
            }
            boolean start = flight == null;
            if (start) {
                flight = new CompletableFuture<>();
            }
            return new Decision.Stale(view, start);
        }
        boolean start = flight == null;
        if (start) {
            flight = new CompletableFuture<>();
        }
        return new Decision.Missing(flight, start);
    }

    /**
     * The fetch is over: keep {@code fresh} if there is one (and {@code keep}), else keep the old list and
     * remember that refreshing it failed; then release everyone waiting, with the list or the failure.
     */
    void finish(MimeeqResult<List<ProductSummary>> fetched, Catalog.Snapshot fresh, boolean keep) {
        CompletableFuture<MimeeqResult<Catalog.View>> done;
        MimeeqResult<Catalog.View> outcome;
        synchronized (this) {
            done = flight;
            flight = null;
            if (fresh != null) {
                if (keep) {
                    snapshot = fresh;
                    refreshFailed = false;
                }
                outcome = MimeeqResult.ok(new Catalog.View(fresh, false));
            } else {
                refreshFailed = snapshot != null;
                outcome = fetched instanceof MimeeqResult.Failed<List<ProductSummary>> failed
                        ? MimeeqResult.failed(failed.failure())
                        : MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.UNREACHABLE));
            }
        }
        if (done != null) {
            done.complete(outcome);
        }
    }

    synchronized Catalog.Snapshot snapshot() {
        return snapshot;
    }
}
