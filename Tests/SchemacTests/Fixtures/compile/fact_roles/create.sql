-- schemac: SQL script for schema sales

-- schema sales: create schema sales
CREATE SCHEMA IF NOT EXISTS sales;

-- dimension employee: create table sales.t_d_employee
CREATE TABLE sales.t_d_employee (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    badge      varchar(20) NOT NULL,
    full_name  text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_employee PRIMARY KEY (id),
    CONSTRAINT uq_t_d_employee_badge UNIQUE (badge)
);

-- dimension store: create table sales.t_d_store
CREATE TABLE sales.t_d_store (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    code       varchar(10) NOT NULL,
    city       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_store PRIMARY KEY (id),
    CONSTRAINT uq_t_d_store_code UNIQUE (code)
);

-- fact refund: create table sales.t_f_refund
CREATE TABLE sales.t_f_refund (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    store_id    bigint NOT NULL,
    employee_id bigint NOT NULL,
    approver_id bigint NOT NULL,
    refund_no   integer NOT NULL,
    refunded_on date NOT NULL,
    reason      text,
    amount      numeric(12,2) NOT NULL,
    items       integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_f_refund PRIMARY KEY (id),
    CONSTRAINT uq_t_f_refund_store_id_employee_id_approver_id_refund_no UNIQUE (store_id, employee_id, approver_id, refund_no),
    CONSTRAINT ck_t_f_refund_amount CHECK (amount > 0),
    CONSTRAINT ck_t_f_refund_items CHECK (items > 0),
    CONSTRAINT fk_t_f_refund_approver_id FOREIGN KEY (approver_id) REFERENCES sales.t_d_employee (id),
    CONSTRAINT fk_t_f_refund_employee_id FOREIGN KEY (employee_id) REFERENCES sales.t_d_employee (id),
    CONSTRAINT fk_t_f_refund_store_id FOREIGN KEY (store_id) REFERENCES sales.t_d_store (id)
);

-- fact refund: comment on table sales.t_f_refund
COMMENT ON TABLE sales.t_f_refund IS 'A refund, handed out by one employee and approved by another';

-- fact refund: create index ix_t_f_refund_approver_id on sales.t_f_refund
CREATE INDEX ix_t_f_refund_approver_id ON sales.t_f_refund (approver_id);

-- fact refund: create index ix_t_f_refund_employee_id on sales.t_f_refund
CREATE INDEX ix_t_f_refund_employee_id ON sales.t_f_refund (employee_id);

-- fact refund: create index ix_t_f_refund_refunded_on on sales.t_f_refund
CREATE INDEX ix_t_f_refund_refunded_on ON sales.t_f_refund (refunded_on);
