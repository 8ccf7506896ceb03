-- schemac: SQL script for schema inventory

-- schema inventory: create schema inventory
CREATE SCHEMA IF NOT EXISTS inventory;

-- dimension product_category: create table inventory.t_d_product_category
CREATE TABLE inventory.t_d_product_category (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    name        varchar(100) NOT NULL,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_product_category PRIMARY KEY (id)
);

-- dimension product_category: comment on table inventory.t_d_product_category
COMMENT ON TABLE inventory.t_d_product_category IS 'No business key: rows are only told apart by their id';

-- dimension storage_zone: create table inventory.t_d_storage_zone
CREATE TABLE inventory.t_d_storage_zone (
    id             bigint GENERATED ALWAYS AS IDENTITY,
    warehouse_code varchar(20) NOT NULL,
    zone_code      varchar(10) NOT NULL,
    temperature_c  numeric(4,1),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_storage_zone PRIMARY KEY (id),
    CONSTRAINT uq_t_d_storage_zone_warehouse_code_zone_code UNIQUE (warehouse_code, zone_code)
);

-- dimension warehouse: create table inventory.t_d_warehouse
CREATE TABLE inventory.t_d_warehouse (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    code       varchar(20) NOT NULL,
    name       varchar(100) NOT NULL,
    city       text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_warehouse PRIMARY KEY (id),
    CONSTRAINT uq_t_d_warehouse_code UNIQUE (code)
);

-- dimension warehouse: comment on table inventory.t_d_warehouse
COMMENT ON TABLE inventory.t_d_warehouse IS 'Physical warehouses; overwritten in place';
