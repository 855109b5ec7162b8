package com.mimeeqportal.audit;

/** The first place a chain stops verifying, and what most likely happened there. */
public record ChainBreak(long seq, Kind kind) {

    public enum Kind {
        /** The entry's content no longer matches its hash. */
        EDITED,
        /** One or more entries from {@code seq} on are missing from the middle of the chain. */
        DELETED,
        /** An entry at {@code seq} was never written by the portal: the next entry links past it. */
        INSERTED,
        /** The entry at {@code seq} was written after an entry that now comes later. */
        REORDERED,
        /** The chain ends before {@code seq}, which the head row or a checkpoint says was written. */
        TRUNCATED
    }
}
