package com.mimeeqportal.mimeeq;

/** A Mimeeq call's outcome: the typed answer, or a {@link MimeeqFailure}. Nothing is thrown at pages. */
public sealed interface MimeeqResult<T> {

    record Ok<T>(T value) implements MimeeqResult<T> {
    }

    record Failed<T>(MimeeqFailure failure) implements MimeeqResult<T> {
    }

    static <T> MimeeqResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> MimeeqResult<T> failed(MimeeqFailure failure) {
        return new Failed<>(failure);
    }
}
