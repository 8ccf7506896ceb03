-- schemac: SQL script for schema crm

-- schema crm: create schema crm
CREATE SCHEMA IF NOT EXISTS crm;

-- dimension account: create table crm.t_d_account
CREATE TABLE crm.t_d_account (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    code       varchar(20) NOT NULL,
    name       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_account PRIMARY KEY (id),
    CONSTRAINT uq_t_d_account_code UNIQUE (code)
);

-- table contact: create table crm.contact
CREATE TABLE crm.contact (
    id           bigint GENERATED ALWAYS AS IDENTITY,
    account_id   bigint NOT NULL,
    email        varchar(255) NOT NULL,
    score        integer NOT NULL,
    profile      jsonb NOT NULL,
    last_seen_at timestamptz,
    deleted_at   timestamptz,
    CONSTRAINT pk_contact PRIMARY KEY (id),
    CONSTRAINT fk_contact_account_id FOREIGN KEY (account_id) REFERENCES crm.t_d_account (id) ON DELETE CASCADE
);

-- table contact: create index contact_cleanup_queue on crm.contact
CREATE INDEX contact_cleanup_queue ON crm.contact (deleted_at, score DESC NULLS FIRST);

-- table contact: create index ix_contact_account_id_last_seen_at on crm.contact
CREATE INDEX ix_contact_account_id_last_seen_at ON crm.contact (account_id, last_seen_at DESC);

-- table contact: create index ix_contact_email_lower on crm.contact
CREATE INDEX ix_contact_email_lower ON crm.contact ((lower(email)));

-- table contact: create index ix_contact_last_seen_at on crm.contact
CREATE INDEX ix_contact_last_seen_at ON crm.contact (last_seen_at DESC NULLS LAST);

-- table contact: create index ix_contact_profile on crm.contact
CREATE INDEX ix_contact_profile ON crm.contact USING gin (profile);

-- table contact: create index ix_contact_profile_segment on crm.contact
CREATE INDEX ix_contact_profile_segment ON crm.contact (((profile ->> 'segment')));

-- table contact: create index ix_contact_score on crm.contact
CREATE INDEX ix_contact_score ON crm.contact (score) INCLUDE (email, last_seen_at);

-- table contact: create index uq_contact_email on crm.contact
CREATE UNIQUE INDEX uq_contact_email ON crm.contact (email) WHERE deleted_at IS NULL;
