package com.mimeeqportal.input;

import java.util.LinkedHashMap;
import java.util.Map;

/** Field-level messages for a form, already in words; templates show them next to their fields. */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public FormErrors add(InvalidInputException e) {
        byField.putIfAbsent(e.field(), Messages.get(e.messageKey(), e.arguments().toArray()));
        return this;
    }

    public FormErrors add(String field, String messageKey, Object... arguments) {
        byField.putIfAbsent(field, Messages.get(messageKey, arguments));
        return this;
    }

    /** Runs {@code check}, keeping the message of the input it refuses. */
    public <T> T check(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            add(e);
            return null;
        }
    }

    /** Like {@link #check(java.util.function.Supplier)}, for a form whose field has another name than the value's. */
    public <T> T check(String field, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            byField.putIfAbsent(field, Messages.get(e.messageKey(), e.arguments().toArray()));
            return null;
        }
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public Map<String, String> all() {
        return Map.copyOf(byField);
    }
}
