-- A workspace's SSO may speak OpenID Connect instead of SAML: the protocol, and the connection (the client secret
-- sealed under the master key, as the SP private keys are). An OpenID Connect configuration need not name a SAML IdP.
ALTER TABLE sso_configurations ADD COLUMN protocol VARCHAR(8) NOT NULL DEFAULT 'saml';
ALTER TABLE sso_configurations ADD COLUMN oidc_issuer VARCHAR(2048);
ALTER TABLE sso_configurations ADD COLUMN oidc_client_id VARCHAR(512);
ALTER TABLE sso_configurations ADD COLUMN oidc_client_secret VARCHAR(8192);
ALTER TABLE sso_configurations ADD COLUMN oidc_scopes VARCHAR(2600);
ALTER TABLE sso_configurations ADD CONSTRAINT sso_protocol_known CHECK (protocol IN ('saml', 'oidc'));
ALTER TABLE sso_configurations ADD CONSTRAINT sso_oidc_connection_complete
    CHECK (protocol <> 'oidc' OR (oidc_issuer IS NOT NULL AND oidc_client_id IS NOT NULL AND oidc_client_secret IS NOT NULL));
ALTER TABLE sso_configurations ALTER COLUMN idp_entity_id DROP NOT NULL;
ALTER TABLE sso_configurations ALTER COLUMN idp_sso_url DROP NOT NULL;
