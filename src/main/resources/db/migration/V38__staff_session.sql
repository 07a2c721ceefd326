-- Agents' sign-in sessions, kept by Spring Session JDBC (spring.session.jdbc.table-name=staff_session), so that
-- sessions survive restarts, are shared by every node, and can be listed and ended (ADR 0020). The shape is
-- Spring Session's own schema; principal_name is as long as an email address may be.
CREATE TABLE staff_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(320),
    CONSTRAINT staff_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX staff_session_ix1 ON staff_session (session_id);
CREATE INDEX staff_session_ix2 ON staff_session (expiry_time);
CREATE INDEX staff_session_ix3 ON staff_session (principal_name);

CREATE TABLE staff_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT staff_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT staff_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES staff_session (primary_id) ON DELETE CASCADE
);
