-- schemac: SQL script for schema pricing

-- schema pricing: create schema pricing
CREATE SCHEMA IF NOT EXISTS pricing;

-- extension btree_gist: create extension btree_gist
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- dimension list_price: create table pricing.t_d_list_price
CREATE TABLE pricing.t_d_list_price (
    id           bigint GENERATED ALWAYS AS IDENTITY,
    price_list   varchar(20) NOT NULL,
    product_code varchar(40) NOT NULL,
    amount       numeric(12,2) NOT NULL,
    currency     char(3) NOT NULL,
    valid_from   timestamptz NOT NULL DEFAULT now(),
    valid_to     timestamptz NOT NULL DEFAULT 'infinity',
    is_current   boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_list_price PRIMARY KEY (id),
    CONSTRAINT ck_t_d_list_price_valid_range CHECK (valid_from < valid_to),
    CONSTRAINT ex_t_d_list_price_no_overlap EXCLUDE USING gist (price_list WITH =, product_code WITH =, tstzrange(valid_from, valid_to, '[)') WITH &&)
);

-- dimension list_price: comment on table pricing.t_d_list_price
COMMENT ON TABLE pricing.t_d_list_price IS 'Price per price list and product, with non-overlapping validity';

-- dimension list_price: create index ix_t_d_list_price_price_list_product_code_valid_from on pricing.t_d_list_price
CREATE INDEX ix_t_d_list_price_price_list_product_code_valid_from ON pricing.t_d_list_price (price_list, product_code, valid_from);

-- dimension list_price: create index uq_t_d_list_price_price_list_product_code_current on pricing.t_d_list_price
CREATE UNIQUE INDEX uq_t_d_list_price_price_list_product_code_current ON pricing.t_d_list_price (price_list, product_code) WHERE is_current;
