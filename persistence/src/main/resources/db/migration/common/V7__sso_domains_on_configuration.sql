-- The workspace's email domains, in order, also kept on its configuration row (comma-separated), so
-- that the ACS reads a configuration in one query. sso_domains stays the authority for uniqueness
-- and for finding a workspace by domain; both are written in the same transaction.
ALTER TABLE sso_configurations ADD COLUMN email_domains VARCHAR(13000) NOT NULL DEFAULT '';
UPDATE sso_configurations c SET email_domains = COALESCE(
    (SELECT STRING_AGG(d.domain, ',' ORDER BY d.position) FROM sso_domains d WHERE d.workspace_id = c.workspace_id), '');
