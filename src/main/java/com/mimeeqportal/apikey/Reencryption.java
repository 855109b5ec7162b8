package com.mimeeqportal.apikey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the latest re-encryption of this process stands. Kept in memory only: what is still to do is
 * always derived from the data (tenant keys whose ciphertext names another key than the primary), so a
 * restart loses this report but not the work.
 */
public record Reencryption(State state, int total, int moved, int skipped, List<FailedTenant> failed,
                           Instant startedAt, Instant endedAt) {

    public enum State { NOT_STARTED, RUNNING, FINISHED, INTERRUPTED }

    /** A tenant whose key could not be re-encrypted; its row was left as it was. */
    public record FailedTenant(String tenantId, String tenantName, String reason) {
    }

    static final Reencryption NONE = new Reencryption(State.NOT_STARTED, 0, 0, 0, List.of(), null, null);

    public Reencryption {
        failed = List.copyOf(failed);
    }

    static Reencryption started(int total, Instant at) {
        return new Reencryption(State.RUNNING, total, 0, 0, List.of(), at, null);
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    public int done() {
        return moved + skipped + failed.size();
    }

    public int percent() {
        return total == 0 ? 100 : done() * 100 / total;
    }

    Reencryption movedOne() {
        return new Reencryption(state, total, moved + 1, skipped, failed, startedAt, endedAt);
    }

    Reencryption skippedOne() {
        return new Reencryption(state, total, moved, skipped + 1, failed, startedAt, endedAt);
    }

    Reencryption failedOne(FailedTenant tenant) {
        List<FailedTenant> more = new ArrayList<>(failed);
        more.add(tenant);
        return new Reencryption(state, total, moved, skipped, more, startedAt, endedAt);
    }

    Reencryption ended(State end, Instant at) {
        return new Reencryption(end, total, moved, skipped, failed, startedAt, at);
    }

    String summary() {
        return "moved " + moved + ", unchanged " + skipped + ", failed " + failed.size() + " of " + total;
    }
}
