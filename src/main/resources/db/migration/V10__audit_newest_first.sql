-- The audit pages list a tenant's entries newest first. H2 walks an index for an ORDER BY only in the index's
-- own direction, so with the ascending (tenant_id, seq) index alone it read and sorted every entry of the
-- tenant for each page: seconds per page once a demo tenant had a few hundred thousand entries. PostgreSQL
-- could scan the unique index backwards; this index costs it one more small insert per entry.
create index ix_audit_event_tenant_seq_desc on audit_event (tenant_id desc, seq desc);
