package com.mimeeqportal.system;

import java.util.regex.Pattern;

/**
 * When a recurring job runs: the second, minute and hour fields of a Jakarta EE calendar schedule
 * ({@code jakarta.ejb.ScheduleExpression}), written {@code "<second> <minute> <hour>"}, e.g. {@code "0 7 *"}
 * for minute 7 of every hour. Only the characters of such fields are accepted; the container checks the rest.
 */
public record JobSchedule(String second, String minute, String hour) {

    private static final Pattern FIELD = Pattern.compile("[0-9*/,-]{1,40}");

    public JobSchedule {
        for (String field : new String[] {second, minute, hour}) {
            if (field == null || !FIELD.matcher(field).matches()) {
                throw new IllegalArgumentException("Not a schedule field: " + field);
            }
        }
    }

    /** Parses {@code "<second> <minute> <hour>"}; {@code setting} names the setting in the error. */
    public static JobSchedule parse(String text, String setting) {
        String[] fields = text == null ? new String[0] : text.trim().split("\\s+");
        try {
            if (fields.length != 3) {
                throw new IllegalArgumentException("three fields expected");
            }
            return new JobSchedule(fields[0], fields[1], fields[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " must be \"<second> <minute> <hour>\" as in a Jakarta EE "
                    + "calendar schedule, e.g. \"0 7 *\"; it is \"" + text + "\"", e);
        }
    }

    @Override
    public String toString() {
        return second + " " + minute + " " + hour;
    }
}
