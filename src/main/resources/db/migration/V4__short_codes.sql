-- Short codes generated through the portal, per tenant, for the history on /short-codes.
create table generated_short_code (
    id                 varchar(36)   primary key,
    tenant_id          varchar(36)   not null,
    short_code         varchar(6)    not null,
    product_id         varchar(100)  not null,
    product_name       varchar(300),
    configuration_code varchar(2000) not null,
    created_by_user_id varchar(36)   not null,
    created_by         varchar(254)  not null,
    created_at         timestamp with time zone not null
);
create index ix_generated_short_code_tenant_time on generated_short_code (tenant_id, created_at);
