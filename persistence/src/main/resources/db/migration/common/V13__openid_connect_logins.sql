-- Instance-wide OpenID Connect providers (issue #15).

-- A link confirmation is for any federated provider now: a workspace's SAML IdP (saml:{wid}, workspace set)
-- or an instance provider (its name, no workspace).
ALTER TABLE sso_link_confirmations ADD COLUMN provider_name VARCHAR(128);
UPDATE sso_link_confirmations SET provider_name = 'saml:' || CAST(workspace_id AS VARCHAR(36));
ALTER TABLE sso_link_confirmations ALTER COLUMN provider_name SET NOT NULL;
ALTER TABLE sso_link_confirmations ALTER COLUMN workspace_id DROP NOT NULL;

-- Authorization requests sent and not yet answered: keyed by the hash of the state, single use, short lived,
-- bound to the starting browser by the hash of a cookie's secret. In the database, so that any node completes
-- a flow another started.
CREATE TABLE oidc_logins (
    state_hash       CHAR(64)                 NOT NULL PRIMARY KEY,
    provider         VARCHAR(128)             NOT NULL,
    nonce            VARCHAR(128)             NOT NULL,
    code_verifier    VARCHAR(128)             NOT NULL,
    browser_hash     CHAR(64)                 NOT NULL,
    linking_user_id  UUID                     REFERENCES users (id) ON DELETE CASCADE,
    client           VARCHAR(200),
    client_state     VARCHAR(1024),
    redirect         VARCHAR(2048),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oidc_logins_by_expiry ON oidc_logins (expires_at);
