package com.mimeeqportal.sandbox;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An error answer of the emulated API in Mimeeq's general shape {@code {message, code, payload}}. Thrown as an
 * exception by the services, because a request fails at the first problem and the resource only has to turn it
 * into a response, whichever step found it.
 *
 * @param fieldErrors the {@code payload}: one entry per bad parameter; empty for 403 and 404
 */
public record ApiError(Status status, String code, String message, List<FieldError> fieldErrors) {

    static final String VALIDATION_ERROR = "VALIDATION_ERROR";
    static final String FORBIDDEN = "FORBIDDEN";
    static final String NOT_FOUND = "NOT_FOUND";

    /** One element of a 400's {@code payload}: which query parameter is wrong and why. */
    public record FieldError(String field, String message) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    public ApiError {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        fieldErrors = List.copyOf(fieldErrors);
    }

    /** A 400 naming every bad parameter; its message repeats theirs, for people reading logs. */
    static ApiError validation(List<FieldError> fieldErrors) {
        String message = fieldErrors.stream().map(FieldError::message).collect(Collectors.joining("; "));
        return new ApiError(Status.BAD_REQUEST, VALIDATION_ERROR, message, fieldErrors);
    }

    static ApiError validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    static ApiError forbidden(String message) {
        return new ApiError(Status.FORBIDDEN, FORBIDDEN, message, List.of());
    }

    static ApiError notFound(String message) {
        return new ApiError(Status.NOT_FOUND, NOT_FOUND, message, List.of());
    }

    ApiException exception() {
        return new ApiException(this);
    }

    /** Carries an {@link ApiError} out of the service that found it; no stack trace, it is an answer, not a bug. */
    static final class ApiException extends RuntimeException {

        private final transient ApiError error;

        ApiException(ApiError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        ApiError error() {
            return error;
        }
    }
}
