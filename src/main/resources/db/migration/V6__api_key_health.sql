-- What the portal knows about the key's health: the last "test connection", and Mimeeq's 401s in a row.
alter table tenant_api_key add column last_test_at timestamp with time zone;
alter table tenant_api_key add column last_test_ok boolean;
alter table tenant_api_key add column last_test_detail varchar(60);
alter table tenant_api_key add column unauthorized_in_a_row integer default 0 not null;
alter table tenant_api_key add column invalidated_at timestamp with time zone;
