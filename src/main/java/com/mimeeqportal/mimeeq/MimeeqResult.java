package com.mimeeqportal.mimeeq;

/** A Mimeeq call's outcome: the typed answer, or a {@link MimeeqFailure}. Nothing is thrown at pages. */
public sealed interface MimeeqResult<T> {

    record Ok<T>(T value) implements MimeeqResult<T> {
    }

    record Failed<T>(MimeeqFailure failure) implements MimeeqResult<T> {
    }

    /** The same outcome with the answer transformed; a failure stays as it is. */
    default <R> MimeeqResult<R> map(java.util.function.Function<T, R> mapping) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(mapping.apply(ok.value()));
            case Failed<T> failed -> new Failed<>(failed.failure());
        };
    }

    static <T> MimeeqResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> MimeeqResult<T> failed(MimeeqFailure failure) {
        return new Failed<>(failure);
    }
}
