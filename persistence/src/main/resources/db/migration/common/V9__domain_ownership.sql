-- Email domains take effect only once their ownership is proved (issue #12). A workspace's claims on
-- domains; several workspaces may claim one domain while it is unverified.
CREATE TABLE domain_claims (
    workspace_id  UUID                     NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    domain        VARCHAR(253)             NOT NULL,
    -- The random part of the claim's TXT record value: one workspace's record never verifies another's claim.
    challenge     VARCHAR(64)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, domain)
);
CREATE INDEX domain_claims_by_domain ON domain_claims (domain);

-- Who proved ownership of a domain. The primary key makes the first workspace to verify a domain its
-- only owner, whatever races happen; removing the claim removes the verification.
CREATE TABLE verified_domains (
    domain        VARCHAR(253)             NOT NULL PRIMARY KEY,
    workspace_id  UUID                     NOT NULL,
    method        VARCHAR(16)              NOT NULL,
    verified_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    FOREIGN KEY (workspace_id, domain) REFERENCES domain_claims (workspace_id, domain) ON DELETE CASCADE,
    CONSTRAINT verified_domains_method_known CHECK (method IN ('dns_txt', 'operator'))
);
CREATE INDEX verified_domains_by_workspace ON verified_domains (workspace_id);

-- Every domain an existing SSO configuration named becomes a pending claim: it keeps working only once
-- verified (README: "Upgrading: existing SSO domains"). The challenge of these migrated claims is built
-- from the database's random(); claims made from now on get 256 bits from the application's SecureRandom.
INSERT INTO domain_claims (workspace_id, domain, challenge, created_at)
SELECT workspace_id, domain,
       'm' || CAST(CAST(FLOOR(RANDOM() * 1000000000000) AS BIGINT) AS VARCHAR(20))
           || CAST(CAST(FLOOR(RANDOM() * 1000000000000) AS BIGINT) AS VARCHAR(20))
           || CAST(CAST(FLOOR(RANDOM() * 1000000000000) AS BIGINT) AS VARCHAR(20)),
       CURRENT_TIMESTAMP
FROM sso_domains;

-- sso_domains held each domain for one workspace at the moment it was named; verified_domains now decides.
DROP TABLE sso_domains;
