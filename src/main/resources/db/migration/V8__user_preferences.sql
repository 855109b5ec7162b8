-- Each user's own language and time zone for pages (issue 13), kept on the account so that the choice
-- follows them to every browser. Null: the language follows the language cookie or the browser's
-- Accept-Language, the time zone the zone cookie or UTC. The application accepts only a supported language
-- tag (en, pl, de) and a zone id of the JDK. Plain SQL that H2 2.x and PostgreSQL 15 both accept.
alter table portal_user add column language varchar(8);
alter table portal_user add column time_zone varchar(64);
