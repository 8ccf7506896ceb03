-- schemac: SQL script for schema logistics

-- schema logistics: create schema logistics
CREATE SCHEMA IF NOT EXISTS logistics;

-- extension citext: create extension citext
CREATE EXTENSION IF NOT EXISTS citext;

-- extension pgcrypto: create extension pgcrypto
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- enum shipment_status: create enum logistics.shipment_status
CREATE TYPE logistics.shipment_status AS ENUM ('booked', 'in_transit', 'delivered', 'lost');

-- dimension carrier: create table logistics.t_d_carrier
CREATE TABLE logistics.t_d_carrier (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    scac       char(4) NOT NULL,
    name       varchar(100) NOT NULL,
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to   timestamptz NOT NULL DEFAULT 'infinity',
    is_current boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_carrier PRIMARY KEY (id),
    CONSTRAINT ck_t_d_carrier_valid_range CHECK (valid_from < valid_to)
);

-- dimension carrier: create index ix_t_d_carrier_scac_valid_from on logistics.t_d_carrier
CREATE INDEX ix_t_d_carrier_scac_valid_from ON logistics.t_d_carrier (scac, valid_from);

-- dimension carrier: create index uq_t_d_carrier_scac_current on logistics.t_d_carrier
CREATE UNIQUE INDEX uq_t_d_carrier_scac_current ON logistics.t_d_carrier (scac) WHERE is_current;

-- dimension depot: create table logistics.t_d_depot
CREATE TABLE logistics.t_d_depot (
    id            bigint GENERATED ALWAYS AS IDENTITY,
    code          varchar(10) NOT NULL,
    contact_email varchar(255),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_depot PRIMARY KEY (id),
    CONSTRAINT uq_t_d_depot_code UNIQUE (code)
);

-- fact shipment: create table logistics.t_f_shipment
CREATE TABLE logistics.t_f_shipment (
    id             bigint GENERATED ALWAYS AS IDENTITY,
    carrier_id     bigint NOT NULL,
    origin_id      bigint NOT NULL,
    destination_id bigint NOT NULL,
    tracking_id    uuid NOT NULL DEFAULT gen_random_uuid(),
    status         logistics.shipment_status NOT NULL DEFAULT 'booked',
    shipped_on     date NOT NULL,
    weight_kg      numeric(10,3) NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_f_shipment PRIMARY KEY (id),
    CONSTRAINT uq_t_f_shipment_tracking_id UNIQUE (tracking_id),
    CONSTRAINT fk_t_f_shipment_carrier_id FOREIGN KEY (carrier_id) REFERENCES logistics.t_d_carrier (id),
    CONSTRAINT fk_t_f_shipment_destination_id FOREIGN KEY (destination_id) REFERENCES logistics.t_d_depot (id),
    CONSTRAINT fk_t_f_shipment_origin_id FOREIGN KEY (origin_id) REFERENCES logistics.t_d_depot (id)
);

-- fact shipment: create index ix_t_f_shipment_carrier_id on logistics.t_f_shipment
CREATE INDEX ix_t_f_shipment_carrier_id ON logistics.t_f_shipment (carrier_id);

-- fact shipment: create index ix_t_f_shipment_destination_id on logistics.t_f_shipment
CREATE INDEX ix_t_f_shipment_destination_id ON logistics.t_f_shipment (destination_id);

-- fact shipment: create index ix_t_f_shipment_origin_id on logistics.t_f_shipment
CREATE INDEX ix_t_f_shipment_origin_id ON logistics.t_f_shipment (origin_id);
