-- Gatehouse as an OpenID Provider (issue #16): registered clients, authorization codes, and the token families the
-- codes were exchanged for.

CREATE TABLE oauth_clients (
    client_id                  VARCHAR(64)              NOT NULL PRIMARY KEY,
    name                       VARCHAR(200)             NOT NULL,
    client_type                VARCHAR(16)              NOT NULL,
    -- SHA-256 of a 256-bit secret, hex; none for a public client.
    secret_hash                CHAR(64),
    -- Space-separated (a URI has no space): exact strings, compared whole.
    redirect_uris              VARCHAR(42000)           NOT NULL,
    post_logout_redirect_uris  VARCHAR(42000)           NOT NULL,
    allowed_scopes             VARCHAR(200)             NOT NULL,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT oauth_client_type_known CHECK (client_type IN ('confidential', 'public')),
    CONSTRAINT oauth_client_secret_by_type CHECK ((client_type = 'confidential') = (secret_hash IS NOT NULL))
);

-- Kept until they expire even once used, so that a second use is recognised (and revokes what the first issued).
CREATE TABLE oauth_codes (
    code_hash        CHAR(64)                 NOT NULL PRIMARY KEY,
    client_id        VARCHAR(64)              NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
    user_id          UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    browser_session  UUID                     NOT NULL,
    redirect_uri     VARCHAR(2048)            NOT NULL,
    code_challenge   VARCHAR(128)             NOT NULL,
    scopes           VARCHAR(200)             NOT NULL,
    nonce            VARCHAR(512),
    auth_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    auth_method      VARCHAR(16)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX oauth_codes_by_expiry ON oauth_codes (expires_at);

-- A token family (a session row without a cookie) bound to the client it was issued to.
CREATE TABLE oauth_token_families (
    family_id        UUID                     NOT NULL PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    client_id        VARCHAR(64)              NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
    user_id          UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    scopes           VARCHAR(200)             NOT NULL,
    browser_session  UUID                     NOT NULL,
    auth_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    code_hash        CHAR(64)                 NOT NULL
);
CREATE INDEX oauth_token_families_by_code ON oauth_token_families (code_hash);
