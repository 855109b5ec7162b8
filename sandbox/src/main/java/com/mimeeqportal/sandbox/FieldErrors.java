package com.mimeeqportal.sandbox;

import com.mimeeqportal.sandbox.ApiError.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of a request's parameters, so one 400 names all of them rather than the first only.
 */
final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Throws the 400 if any parameter was bad. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiError.validation(errors).exception();
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
