package com.mimeeqportal.audit;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.web.Times;
import java.time.Instant;
import java.util.Optional;

/**
 * The result of walking one chain: how far it verified, where it started (after a purge's anchor),
 * the checkpoint it was compared with, and the first break if there is one.
 */
public record ChainVerification(TenantId tenant, Instant at, long anchorSeq, long verifiedUpTo, long entries,
                                String lastHash, Optional<Checkpoint> checkpoint, Optional<ChainBreak> firstBreak) {

    public boolean intact() {
        return firstBreak.isEmpty();
    }

    /** For templates: the break or null. */
    public ChainBreak breakOrNull() {
        return firstBreak.orElse(null);
    }

    public Checkpoint checkpointOrNull() {
        return checkpoint.orElse(null);
    }

    public String checkpointAtText() {
        return checkpoint.map(c -> Times.format(c.at())).orElse("");
    }

    @Override
    public String toString() {
        return "chain " + tenant + (intact() ? " verified up to seq " + verifiedUpTo + " (" + entries + " entries)"
                : " broken at seq " + firstBreak.get().seq() + ": " + firstBreak.get().kind());
    }
}
