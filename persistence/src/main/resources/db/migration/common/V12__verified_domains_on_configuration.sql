-- The workspace's verified domains, also kept on its SSO configuration row (comma-separated), so that
-- the ACS reads the configuration and what it may vouch for in one query. verified_domains stays the
-- authority; this column is recomputed in the same transaction as every verification, removal and save.
ALTER TABLE sso_configurations ADD COLUMN verified_domains VARCHAR(13000) NOT NULL DEFAULT '';
UPDATE sso_configurations c SET verified_domains = COALESCE(
    (SELECT STRING_AGG(v.domain, ',' ORDER BY v.domain) FROM verified_domains v WHERE v.workspace_id = c.workspace_id), '');
