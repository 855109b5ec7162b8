package com.mimeeqportal.security;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.web.AccessRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Records a page refused to a signed-in person of another role ({@code ACCESS_DENIED}, reason WRONG_ROLE). */
@ApplicationScoped
public class RefusedAccessAudit {

    private final AuditLog audit;

    @Inject
    public RefusedAccessAudit(AuditLog audit) {
        this.audit = audit;
    }

    protected RefusedAccessAudit() {
        this.audit = null;
    }

    void record(@Observes AccessRefused refused) {
        audit.record(refused.actor().tenant(), AuditEntry.of(AuditEventType.ACCESS_DENIED).by(refused.actor())
                .target(refused.target()).error("WRONG_ROLE"));
    }
}
