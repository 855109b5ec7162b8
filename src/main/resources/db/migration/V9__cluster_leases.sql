-- Leases for work that must run on one instance of a cluster at a time (docs/clustering.md): the hourly audit
-- jobs and the master keyset's re-encryption. A lease is held by one instance until expires_at; an instance that
-- stops renewing it (it died) loses it when that time has passed. state is the holder's report of its work
-- (the re-encryption's progress, as JSON), readable by every instance.
-- Plain SQL that H2 2.x and PostgreSQL 15 both accept.

create table cluster_lease (
    name       varchar(100)  primary key,
    holder     varchar(200)  not null,
    expires_at timestamp with time zone not null,
    state      varchar(100000)
);
