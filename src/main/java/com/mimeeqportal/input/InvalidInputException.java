package com.mimeeqportal.input;

import java.util.List;

/**
 * Input that a value object refused. It names the form field and a key in messages.properties, never
 * the offending value, so that it can travel to a page or a log without reflecting what was typed.
 */
public final class InvalidInputException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final List<Object> arguments;

    public InvalidInputException(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey, null, false, false);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
