package com.mimeeqportal.input;

import java.util.List;

/** One page of a longer list; {@code number} counts from 1. */
public record Page<T>(List<T> items, int number, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public int pages() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }

    public boolean empty() {
        return items.isEmpty();
    }

    public long firstIndex() {
        return total == 0 ? 0 : (long) (number - 1) * size + 1;
    }

    public long lastIndex() {
        return (long) (number - 1) * size + items.size();
    }
}
