-- Outgoing mail, written in the same transaction as the change that causes it and delivered by a
-- background sender on any node (issue #12). A claim is a compare-and-set on version with a lease
-- (claimed_until), so two nodes never deliver one message at once and a node that dies mid-delivery
-- leaves it to another once the lease ends.
CREATE TABLE mail_outbox (
    id               UUID                     NOT NULL PRIMARY KEY,
    kind             VARCHAR(32)              NOT NULL,
    recipient        VARCHAR(254)             NOT NULL,
    subject          VARCHAR(300)             NOT NULL,
    -- Emptied once the message is sent or given up: the bodies hold single-use links.
    text_body        VARCHAR(20000)           NOT NULL,
    html_body        VARCHAR(40000)           NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts         INTEGER                  NOT NULL,
    version          BIGINT                   NOT NULL,
    claimed_until    TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(500),
    CONSTRAINT mail_outbox_status_known CHECK (status IN ('pending', 'sent', 'given_up'))
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_finished ON mail_outbox (finished_at);
