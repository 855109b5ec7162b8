package com.mimeeqportal.input;

/** A requested page number and size, validated: page ≥ 1 and ≤ 1,000,000; size in 1..200. */
public record PageRequest(int number, int size) {

    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (number < 1 || number > 1_000_000) {
            throw new InvalidInputException("page", "validation.page");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "validation.pageSize", MAX_SIZE);
        }
    }

    /** Reads {@code page} from a query parameter; absent means 1, anything else must be a number in range. */
    public static PageRequest parse(String page, int size) {
        if (page == null || page.isEmpty()) {
            return new PageRequest(1, size);
        }
        if (page.length() > 7 || !page.chars().allMatch(Character::isDigit)) {
            throw new InvalidInputException("page", "validation.page");
        }
        return new PageRequest(Integer.parseInt(page), size);
    }

    public int offset() {
        return (number - 1) * size;
    }
}
