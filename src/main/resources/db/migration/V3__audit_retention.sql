-- How long a tenant's audit entries are kept, in days; 0 keeps them forever (the default).
-- A scheduled purge removes older entries in small batches and anchors the rest of the chain.
alter table tenant add column audit_retention_days integer default 0 not null;
alter table tenant add constraint ck_tenant_audit_retention check (audit_retention_days >= 0);
