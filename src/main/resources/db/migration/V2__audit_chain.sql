-- Tamper evidence for the audit log: one hash chain per tenant (and one for the system tenant).
-- Each entry gets its number in the chain, the hash of the entry before it, and its own hash (an HMAC
-- computed by the application with a key kept outside the database). Plain SQL for H2 2.x and PostgreSQL 15.

alter table audit_event add column seq bigint;
alter table audit_event add column prev_hash varchar(100);
alter table audit_event add column hash varchar(100);

-- Entries written before this migration are numbered in the order they were inserted. Their hashes are
-- computed by the application at its next start (AuditChainSealer): SQL has no access to the HMAC key.
update audit_event set seq = (select count(*) from audit_event earlier
                              where earlier.tenant_id = audit_event.tenant_id and earlier.id <= audit_event.id);
alter table audit_event alter column seq set not null;
alter table audit_event add constraint uq_audit_event_tenant_seq unique (tenant_id, seq);

-- The end of each chain. Appends lock this row (select ... for update) in the transaction that inserts
-- the entry, which serialises appends per tenant across threads and across portal instances.
-- anchor_seq / anchor_hash: the last entry removed by a retention purge; the chain now starts after it.
create table audit_chain_head (
    tenant_id   varchar(36)  primary key,
    last_seq    bigint       not null,
    last_hash   varchar(100),
    anchor_seq  bigint       not null,
    anchor_hash varchar(100),
    updated_at  timestamp with time zone not null
);
insert into audit_chain_head (tenant_id, last_seq, last_hash, anchor_seq, anchor_hash, updated_at)
select tenant_id, max(seq), null, 0, null, current_timestamp from audit_event group by tenant_id;
