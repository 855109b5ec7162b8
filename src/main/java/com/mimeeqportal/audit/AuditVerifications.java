package com.mimeeqportal.audit;

/** How a verification result is written into the audit log, the same from the page and the scheduled job. */
final class AuditVerifications {

    private AuditVerifications() {
    }

    static AuditEntry entry(AuditEntry.Builder builder, ChainVerification result) {
        if (result.intact()) {
            return builder.detail("verified up to seq " + result.verifiedUpTo() + " (" + result.entries()
                    + " entries after anchor " + result.anchorSeq() + ")").success();
        }
        ChainBreak broken = result.firstBreak().orElseThrow();
        return builder.detail("first broken entry seq " + broken.seq() + " (" + broken.kind() + "), verified up to seq "
                + result.verifiedUpTo()).error("CHAIN_" + broken.kind());
    }
}
