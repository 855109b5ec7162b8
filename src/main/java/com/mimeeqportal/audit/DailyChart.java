package com.mimeeqportal.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mimeeq calls and failures per UTC day, laid out as SVG bars on the server, so the chart needs
 * neither JavaScript nor a CDN. Every day of the range has a slot, including days without entries.
 */
public record DailyChart(List<Day> days, long max) {

    public static final int WIDTH = 760;
    public static final int HEIGHT = 160;
    static final int BASELINE = HEIGHT - 20;

    public record Day(LocalDate date, long entries, long calls, long failures) {
    }

    /** One rectangle of the chart, in SVG user units. */
    public record Bar(double x, double y, double width, double height, String kind, String title) {
    }

    public static DailyChart of(LocalDate first, LocalDate last, Map<LocalDate, Day> counted) {
        List<Day> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(counted.getOrDefault(day, new Day(day, 0, 0, 0)));
        }
        long max = days.stream().mapToLong(d -> Math.max(d.calls(), d.failures())).max().orElse(0);
        return new DailyChart(List.copyOf(days), max);
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public boolean empty() {
        return days.stream().allMatch(d -> d.entries() == 0);
    }

    public long totalCalls() {
        return days.stream().mapToLong(Day::calls).sum();
    }

    public long totalFailures() {
        return days.stream().mapToLong(Day::failures).sum();
    }

    /** Two bars per day: calls, then failures beside it. */
    public List<Bar> bars() {
        double slot = (double) WIDTH / days.size();
        double barWidth = Math.max(1, slot * 0.4);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            double x = i * slot + slot * 0.1;
            bars.add(bar(x, barWidth, day.calls(), "calls", day.date() + ": " + day.calls()));
            bars.add(bar(x + barWidth, barWidth, day.failures(), "failures", day.date() + ": " + day.failures()));
        }
        return bars;
    }

    /** Labels under the axis: the first and last day, and about five in between. */
    public List<Bar> labels() {
        double slot = (double) WIDTH / days.size();
        int every = Math.max(1, days.size() / 6);
        List<Bar> labels = new ArrayList<>();
        for (int i = 0; i < days.size(); i += every) {
            labels.add(new Bar(i * slot + slot / 2, HEIGHT - 4, 0, 0, "label", days.get(i).date().toString().substring(5)));
        }
        return labels;
    }

    private Bar bar(double x, double width, long value, String kind, String title) {
        double height = max == 0 ? 0 : (BASELINE - 10) * ((double) value / max);
        return new Bar(round(x), round(BASELINE - height), round(width), round(height), kind, title);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
