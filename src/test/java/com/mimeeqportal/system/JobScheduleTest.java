package com.mimeeqportal.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JobScheduleTest {

    @Test
    void threeCalendarFields() {
        assertEquals(new JobSchedule("0", "7", "*"), JobSchedule.parse(" 0 7 * ", "s"));
        assertEquals(new JobSchedule("*/5", "*", "*"), JobSchedule.parse("*/5 * *", "s"));
        assertEquals("0 7,37 1-5", JobSchedule.parse("0 7,37 1-5", "s").toString());
    }

    @Test
    void anythingElseStopsTheStartNamingTheSetting() {
        for (String bad : new String[] {"", "0 7", "0 7 * *", "0 7 x", "0 7 ${x}"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> JobSchedule.parse(bad, "portal.audit.jobs.verify-schedule"));
            assertTrue(e.getMessage().contains("portal.audit.jobs.verify-schedule"), e.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> JobSchedule.parse(null, "s"));
    }
}
