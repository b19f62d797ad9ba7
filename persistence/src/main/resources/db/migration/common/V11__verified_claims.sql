-- Email ownership (issue #12). Existing accounts never proved their address: they start unverified
-- (README, "Upgrading"), and verify with POST /api/v1/me/verify-email.
ALTER TABLE users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;

-- Single-use tokens of the links sent by mail (email verification, password reset). Only the
-- SHA-256 of the token is stored; a token is deleted when used, replaced or expired.
CREATE TABLE email_tokens (
    token_hash  CHAR(64)                 NOT NULL PRIMARY KEY,
    user_id     UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     VARCHAR(24)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT email_tokens_purpose_known CHECK (purpose IN ('email_verification', 'password_reset'))
);
CREATE INDEX email_tokens_by_user ON email_tokens (user_id, purpose);
CREATE INDEX email_tokens_by_expiry ON email_tokens (expires_at);

-- Invitations replace adding members directly: an admin invites an address, and the person who owns
-- that (verified) address accepts. At most one open invitation per workspace and address.
CREATE TABLE invitations (
    id            UUID                     NOT NULL PRIMARY KEY,
    workspace_id  UUID                     NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    email         VARCHAR(254)             NOT NULL,
    role          VARCHAR(16)              NOT NULL,
    invited_by    UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT invitations_one_per_address UNIQUE (workspace_id, email),
    CONSTRAINT invitations_email_canonical CHECK (email = LOWER(email)),
    CONSTRAINT invitations_role_known CHECK (role IN ('owner', 'admin', 'member'))
);
CREATE INDEX invitations_by_email ON invitations (email);
