-- A workspace may explicitly accept SHA-1 signatures from an IdP that cannot do better; off by default.
ALTER TABLE sso_configurations ADD COLUMN allow_legacy_algorithms BOOLEAN NOT NULL DEFAULT FALSE;
