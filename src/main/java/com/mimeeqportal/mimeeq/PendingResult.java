package com.mimeeqportal.mimeeq;

import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * A Mimeeq call's outcome whose audit entry is still being written. A page may be prepared from
 * {@link #provisional()} meanwhile (rendered, not sent), and is shown only if {@link #audited()} says the entry
 * was written: the entry is durable before the answer reaches anyone, as with {@link MimeeqGateway}'s other
 * methods, and the page's rendering and the entry's commit run side by side instead of one after the other.
 */
public final class PendingResult<T> {

    private final MimeeqResult<T> result;
    private final CompletableFuture<Boolean> written;

    PendingResult(MimeeqResult<T> result, CompletableFuture<Boolean> written) {
        this.result = result;
        this.written = written;
    }

    /** An outcome with nothing left to write (the call was refused before it was made). */
    static <T> PendingResult<T> settled(MimeeqResult<T> result) {
        return new PendingResult<>(result, CompletableFuture.completedFuture(true));
    }

    /** What Mimeeq answered, to prepare a page from; not to be shown before {@link #audited()}. */
    public MimeeqResult<T> provisional() {
        return result;
    }

    /**
     * Waits for the entry: the outcome once it is written, else {@link MimeeqFailure.Kind#ANSWER_NOT_AUDITED}
     * (the entry is then in the spool, and a page prepared from the answer must be dropped).
     */
    public MimeeqResult<T> audited() {
        return written.join() ? result : MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.ANSWER_NOT_AUDITED));
    }

    PendingResult<T> map(UnaryOperator<MimeeqResult<T>> change) {
        return new PendingResult<>(change.apply(result), written);
    }
}
