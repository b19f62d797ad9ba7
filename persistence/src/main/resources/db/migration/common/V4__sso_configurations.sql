-- Per-workspace SAML SSO configuration, and the email domains each workspace claims.
CREATE TABLE sso_configurations (
    workspace_id               UUID                     NOT NULL PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
    enabled                    BOOLEAN                  NOT NULL,
    idp_entity_id              VARCHAR(1024)            NOT NULL,
    idp_sso_url                VARCHAR(2048)            NOT NULL,
    -- PEM certificates, concatenated (each block is self-delimiting).
    idp_certificates           VARCHAR(200000)          NOT NULL,
    sign_authn_requests        BOOLEAN                  NOT NULL,
    want_assertions_encrypted  BOOLEAN                  NOT NULL,
    allow_idp_initiated        BOOLEAN                  NOT NULL,
    jit_provisioning           BOOLEAN                  NOT NULL,
    default_role               VARCHAR(16)              NOT NULL,
    enforce_sso                BOOLEAN                  NOT NULL,
    attribute_email            VARCHAR(256)             NOT NULL,
    attribute_first_name       VARCHAR(256)             NOT NULL,
    attribute_last_name        VARCHAR(256)             NOT NULL,
    sp_signing_certificate     VARCHAR(8192)            NOT NULL,
    sp_signing_key             VARCHAR(8192)            NOT NULL,
    sp_encryption_certificate  VARCHAR(8192)            NOT NULL,
    sp_encryption_key          VARCHAR(8192)            NOT NULL,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sso_default_role_known CHECK (default_role IN ('member', 'admin'))
);

-- The primary key makes a domain belong to at most one workspace, whatever races happen.
CREATE TABLE sso_domains (
    domain        VARCHAR(253) NOT NULL PRIMARY KEY,
    workspace_id  UUID         NOT NULL REFERENCES sso_configurations (workspace_id) ON DELETE CASCADE,
    position      INTEGER      NOT NULL
);
CREATE INDEX sso_domains_by_workspace ON sso_domains (workspace_id);
