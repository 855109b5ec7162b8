-- Sign-in protection, forced password changes and ending sessions (issue 4).
-- failed_attempts: consecutive failed sign-ins since the last success or lockout.
-- locked_until: no sign-in is checked before this time (null: not locked).
-- lockouts: lockouts since the last successful sign-in; each one doubles the next lock.
-- must_change_password: set by an admin's create or reset; the user is kept on /account/password.
-- session_epoch: stored in the session at sign-in; raising it ends every session that holds an older one.
alter table portal_user add column failed_attempts integer default 0 not null;
alter table portal_user add column locked_until timestamp with time zone;
alter table portal_user add column lockouts integer default 0 not null;
alter table portal_user add column must_change_password boolean default false not null;
alter table portal_user add column session_epoch integer default 0 not null;
