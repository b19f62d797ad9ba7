-- Tokens: JWT families, refresh tokens, signing keys, developer API keys and API tokens.

-- A JWT grant opens a session without a cookie (a token family): no cookie hash to store.
ALTER TABLE sessions ALTER COLUMN token_hash DROP NOT NULL;

CREATE TABLE refresh_tokens (
    -- SHA-256 (hex) of the opaque refresh token.
    token_hash  VARCHAR(64)              NOT NULL PRIMARY KEY,
    session_id  UUID                     NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    user_id     UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);

-- JWT signing keys shared by every node. The private key is AES-256-GCM encrypted with the
-- master key; both keys are base64 (X.509 SubjectPublicKeyInfo / PKCS#8 DER).
CREATE TABLE signing_keys (
    kid                    VARCHAR(64)              NOT NULL PRIMARY KEY,
    algorithm              VARCHAR(16)              NOT NULL,
    public_key             VARCHAR(4096)            NOT NULL,
    encrypted_private_key  VARCHAR(8192)            NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at             TIMESTAMP WITH TIME ZONE
);

-- One developer API key per user; the secret is stored as SHA-256 (hex) only.
CREATE TABLE developer_api_keys (
    user_id      UUID                     NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    api_key      VARCHAR(64)              NOT NULL,
    secret_hash  VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT developer_api_keys_key_unique UNIQUE (api_key)
);

-- API tokens: personal (workspace_id NULL) or scoped to one workspace.
CREATE TABLE api_tokens (
    id              UUID                     NOT NULL PRIMARY KEY,
    user_id         UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    workspace_id    UUID                     REFERENCES workspaces (id) ON DELETE CASCADE,
    note            VARCHAR(200),
    token_prefix    VARCHAR(16)              NOT NULL,
    token_hash      VARCHAR(64)              NOT NULL,
    is_default      BOOLEAN                  NOT NULL DEFAULT FALSE,
    enabled         BOOLEAN                  NOT NULL DEFAULT TRUE,
    version         INTEGER                  NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_tokens_hash_unique UNIQUE (token_hash)
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);
CREATE INDEX api_tokens_by_workspace ON api_tokens (workspace_id);
