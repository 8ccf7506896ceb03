-- schemac: SQL script for schema budget

-- schema budget: create schema budget
CREATE SCHEMA IF NOT EXISTS budget;

-- extension btree_gist: create extension btree_gist
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- enum currency_code: create enum budget.currency_code
CREATE TYPE budget.currency_code AS ENUM ('eur', 'usd', 'gbp', 'chf');

-- enum entry_kind: create enum budget.entry_kind
CREATE TYPE budget.entry_kind AS ENUM ('plan', 'actual', 'correction');

-- dimension article: create table budget.t_d_article
CREATE TABLE budget.t_d_article (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    code       varchar(50) NOT NULL,
    name       varchar(255) NOT NULL,
    is_income  boolean NOT NULL DEFAULT false,
    parent_id  bigint,
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to   timestamptz NOT NULL DEFAULT 'infinity',
    is_current boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_article PRIMARY KEY (id),
    CONSTRAINT ck_t_d_article_code_not_empty CHECK (code <> ''),
    CONSTRAINT ck_t_d_article_valid_range CHECK (valid_from < valid_to),
    CONSTRAINT fk_t_d_article_parent_id FOREIGN KEY (parent_id) REFERENCES budget.t_d_article (id) ON DELETE RESTRICT
);

-- dimension article: comment on table budget.t_d_article
COMMENT ON TABLE budget.t_d_article IS 'Budget articles (income and expense categories), nested as a tree';

-- dimension article: comment on column budget.t_d_article.code
COMMENT ON COLUMN budget.t_d_article.code IS 'Stable code, e.g. EXP.FOOD.GROCERIES';

-- dimension article: create index ix_t_d_article_code_valid_from on budget.t_d_article
CREATE INDEX ix_t_d_article_code_valid_from ON budget.t_d_article (code, valid_from);

-- dimension article: create index ix_t_d_article_parent_id on budget.t_d_article
CREATE INDEX ix_t_d_article_parent_id ON budget.t_d_article (parent_id);

-- dimension article: create index uq_t_d_article_code_current on budget.t_d_article
CREATE UNIQUE INDEX uq_t_d_article_code_current ON budget.t_d_article (code) WHERE is_current;

-- closure table t_d_article_hierarchy: create table budget.t_d_article_hierarchy
CREATE TABLE budget.t_d_article_hierarchy (
    ancestor_id   bigint NOT NULL,
    descendant_id bigint NOT NULL,
    depth         integer NOT NULL,
    CONSTRAINT pk_t_d_article_hierarchy PRIMARY KEY (ancestor_id, descendant_id),
    CONSTRAINT ck_t_d_article_hierarchy_depth CHECK (depth >= 0),
    CONSTRAINT fk_t_d_article_hierarchy_ancestor_id FOREIGN KEY (ancestor_id) REFERENCES budget.t_d_article (id) ON DELETE CASCADE,
    CONSTRAINT fk_t_d_article_hierarchy_descendant_id FOREIGN KEY (descendant_id) REFERENCES budget.t_d_article (id) ON DELETE CASCADE
);

-- closure table t_d_article_hierarchy: create index ix_t_d_article_hierarchy_ancestor_id_depth on budget.t_d_article_hierarchy
CREATE INDEX ix_t_d_article_hierarchy_ancestor_id_depth ON budget.t_d_article_hierarchy (ancestor_id, depth);

-- closure table t_d_article_hierarchy: create index ix_t_d_article_hierarchy_descendant_id_depth on budget.t_d_article_hierarchy
CREATE INDEX ix_t_d_article_hierarchy_descendant_id_depth ON budget.t_d_article_hierarchy (descendant_id, depth);

-- dimension cost_center: create table budget.t_d_cost_center
CREATE TABLE budget.t_d_cost_center (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    code        varchar(50) NOT NULL,
    name        varchar(255) NOT NULL,
    owner_email varchar(255),
    valid_from  timestamptz NOT NULL DEFAULT now(),
    valid_to    timestamptz NOT NULL DEFAULT 'infinity',
    is_current  boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_cost_center PRIMARY KEY (id),
    CONSTRAINT ck_t_d_cost_center_valid_range CHECK (valid_from < valid_to)
);

-- dimension cost_center: comment on table budget.t_d_cost_center
COMMENT ON TABLE budget.t_d_cost_center IS 'What spending is for: household, car, holidays';

-- dimension cost_center: create index ix_t_d_cost_center_code_valid_from on budget.t_d_cost_center
CREATE INDEX ix_t_d_cost_center_code_valid_from ON budget.t_d_cost_center (code, valid_from);

-- dimension cost_center: create index uq_t_d_cost_center_code_current on budget.t_d_cost_center
CREATE UNIQUE INDEX uq_t_d_cost_center_code_current ON budget.t_d_cost_center (code) WHERE is_current;

-- dimension financial_center: create table budget.t_d_financial_center
CREATE TABLE budget.t_d_financial_center (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    code       varchar(50) NOT NULL,
    name       varchar(255) NOT NULL,
    currency   budget.currency_code NOT NULL DEFAULT 'eur',
    opened_on  date,
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to   timestamptz NOT NULL DEFAULT 'infinity',
    is_current boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_financial_center PRIMARY KEY (id),
    CONSTRAINT ck_t_d_financial_center_valid_range CHECK (valid_from < valid_to),
    CONSTRAINT ex_t_d_financial_center_no_overlap EXCLUDE USING gist (code WITH =, tstzrange(valid_from, valid_to, '[)') WITH &&)
);

-- dimension financial_center: comment on table budget.t_d_financial_center
COMMENT ON TABLE budget.t_d_financial_center IS 'Where money is held: accounts, cards, cash';

-- dimension financial_center: create index ix_t_d_financial_center_code_valid_from on budget.t_d_financial_center
CREATE INDEX ix_t_d_financial_center_code_valid_from ON budget.t_d_financial_center (code, valid_from);

-- dimension financial_center: create index uq_t_d_financial_center_code_current on budget.t_d_financial_center
CREATE UNIQUE INDEX uq_t_d_financial_center_code_current ON budget.t_d_financial_center (code) WHERE is_current;

-- dimension user: create table budget.t_d_user
CREATE TABLE budget.t_d_user (
    id           bigint GENERATED ALWAYS AS IDENTITY,
    email        varchar(255) NOT NULL,
    display_name varchar(100) NOT NULL,
    role         varchar(20) NOT NULL DEFAULT 'member',
    birth_date   date,
    valid_from   timestamptz NOT NULL DEFAULT now(),
    valid_to     timestamptz NOT NULL DEFAULT 'infinity',
    is_current   boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_user PRIMARY KEY (id),
    CONSTRAINT ck_t_d_user_role CHECK (role IN ('owner', 'member', 'viewer')),
    CONSTRAINT ck_t_d_user_valid_range CHECK (valid_from < valid_to)
);

-- dimension user: comment on table budget.t_d_user
COMMENT ON TABLE budget.t_d_user IS 'Family members who record budget entries';

-- dimension user: create index ix_t_d_user_email_valid_from on budget.t_d_user
CREATE INDEX ix_t_d_user_email_valid_from ON budget.t_d_user (email, valid_from);

-- dimension user: create index uq_t_d_user_email_current on budget.t_d_user
CREATE UNIQUE INDEX uq_t_d_user_email_current ON budget.t_d_user (email) WHERE is_current;

-- fact budget_entry: create table budget.t_f_budget_entry
CREATE TABLE budget.t_f_budget_entry (
    id                  bigint GENERATED ALWAYS AS IDENTITY,
    user_id             bigint NOT NULL,
    article_id          bigint NOT NULL,
    financial_center_id bigint NOT NULL,
    cost_center_id      bigint NOT NULL,
    approver_id         bigint NOT NULL,
    entry_date          date NOT NULL,
    kind                budget.entry_kind NOT NULL DEFAULT 'actual',
    note                text,
    amount              numeric(19,4) NOT NULL,
    quantity            integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_f_budget_entry PRIMARY KEY (id),
    CONSTRAINT uq_t_f_budget_entry_user_id_article_id_financial_cente_20da9b58 UNIQUE (user_id, article_id, financial_center_id, cost_center_id, entry_date, kind),
    CONSTRAINT ck_t_f_budget_entry_quantity CHECK (quantity > 0),
    CONSTRAINT fk_t_f_budget_entry_approver_id FOREIGN KEY (approver_id) REFERENCES budget.t_d_user (id),
    CONSTRAINT fk_t_f_budget_entry_article_id FOREIGN KEY (article_id) REFERENCES budget.t_d_article (id),
    CONSTRAINT fk_t_f_budget_entry_cost_center_id FOREIGN KEY (cost_center_id) REFERENCES budget.t_d_cost_center (id),
    CONSTRAINT fk_t_f_budget_entry_financial_center_id FOREIGN KEY (financial_center_id) REFERENCES budget.t_d_financial_center (id),
    CONSTRAINT fk_t_f_budget_entry_user_id FOREIGN KEY (user_id) REFERENCES budget.t_d_user (id)
);

-- fact budget_entry: comment on table budget.t_f_budget_entry
COMMENT ON TABLE budget.t_f_budget_entry IS 'One planned or actual amount per user, article, center and day';

-- fact budget_entry: create index ix_t_f_budget_entry_approver_id on budget.t_f_budget_entry
CREATE INDEX ix_t_f_budget_entry_approver_id ON budget.t_f_budget_entry (approver_id);

-- fact budget_entry: create index ix_t_f_budget_entry_article_id on budget.t_f_budget_entry
CREATE INDEX ix_t_f_budget_entry_article_id ON budget.t_f_budget_entry (article_id);

-- fact budget_entry: create index ix_t_f_budget_entry_cost_center_id on budget.t_f_budget_entry
CREATE INDEX ix_t_f_budget_entry_cost_center_id ON budget.t_f_budget_entry (cost_center_id);

-- fact budget_entry: create index ix_t_f_budget_entry_entry_date_article_id on budget.t_f_budget_entry
CREATE INDEX ix_t_f_budget_entry_entry_date_article_id ON budget.t_f_budget_entry (entry_date, article_id);

-- fact budget_entry: create index ix_t_f_budget_entry_financial_center_id_entry_date on budget.t_f_budget_entry
CREATE INDEX ix_t_f_budget_entry_financial_center_id_entry_date ON budget.t_f_budget_entry (financial_center_id, entry_date DESC) INCLUDE (amount);

-- dimension article: create triggers keeping budget.t_d_article_hierarchy up to date
CREATE OR REPLACE FUNCTION budget.t_d_article_closure_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.parent_id = NEW.id THEN
        RAISE EXCEPTION 'cycle in budget.t_d_article: row % cannot have % as its parent', NEW.id, NEW.parent_id
            USING ERRCODE = 'check_violation',
                  DETAIL = 'A row cannot be moved under itself or one of its descendants.';
    END IF;
    -- Every node is its own ancestor at depth 0.
    INSERT INTO budget.t_d_article_hierarchy (ancestor_id, descendant_id, depth)
    VALUES (NEW.id, NEW.id, 0);
    IF NEW.parent_id IS NOT NULL THEN
        -- The parent and its ancestors are the node's ancestors, one level further away.
        INSERT INTO budget.t_d_article_hierarchy (ancestor_id, descendant_id, depth)
        SELECT a.ancestor_id, NEW.id, a.depth + 1
        FROM budget.t_d_article_hierarchy AS a
        WHERE a.descendant_id = NEW.parent_id;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'budget.t_d_article_hierarchy has no rows for parent % of row %', NEW.parent_id, NEW.id
                USING ERRCODE = 'integrity_constraint_violation',
                      HINT = 'Within one statement, insert a parent before its children.';
        END IF;
    END IF;
    -- No delete trigger: parent_id is ON DELETE RESTRICT, so only leaves go, and their rows follow by ON DELETE CASCADE.
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION budget.t_d_article_closure_move() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Moves of one tree are serialised: two concurrent moves (A under B, B under A)
    -- would each pass a check that cannot see the other's uncommitted change.
    PERFORM pg_advisory_xact_lock(hashtext('budget.t_d_article_hierarchy'));
    -- The new parent must not be the node itself or one of its descendants. Checked
    -- after the row changed, against the tree as the moves before it left it, so a
    -- statement that reorders several rows is judged one move at a time.
    IF EXISTS (
        SELECT 1
        FROM budget.t_d_article_hierarchy AS c
        WHERE c.ancestor_id = NEW.id AND c.descendant_id = NEW.parent_id
    ) THEN
        RAISE EXCEPTION 'cycle in budget.t_d_article: row % cannot have % as its parent', NEW.id, NEW.parent_id
            USING ERRCODE = 'check_violation',
                  DETAIL = 'A row cannot be moved under itself or one of its descendants.';
    END IF;
    -- Detach the subtree (the node and its descendants) from the node's former ancestors.
    DELETE FROM budget.t_d_article_hierarchy AS link
    USING budget.t_d_article_hierarchy AS up, budget.t_d_article_hierarchy AS down
    WHERE up.descendant_id = NEW.id AND up.ancestor_id <> NEW.id
      AND down.ancestor_id = NEW.id
      AND link.ancestor_id = up.ancestor_id
      AND link.descendant_id = down.descendant_id;
    IF NEW.parent_id IS NOT NULL THEN
        -- Attach it below the new parent: every ancestor of the parent (the parent included)
        -- with every node of the subtree.
        INSERT INTO budget.t_d_article_hierarchy (ancestor_id, descendant_id, depth)
        SELECT up.ancestor_id, down.descendant_id, up.depth + down.depth + 1
        FROM budget.t_d_article_hierarchy AS up
        CROSS JOIN budget.t_d_article_hierarchy AS down
        WHERE up.descendant_id = NEW.parent_id
          AND down.ancestor_id = NEW.id;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'budget.t_d_article_hierarchy has no rows for parent % of row %', NEW.parent_id, NEW.id
                USING ERRCODE = 'integrity_constraint_violation',
                      HINT = 'Within one statement, insert a parent before its children.';
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_t_d_article_closure_insert
AFTER INSERT ON budget.t_d_article
FOR EACH ROW
EXECUTE FUNCTION budget.t_d_article_closure_insert();

CREATE TRIGGER trg_t_d_article_closure_move
AFTER UPDATE ON budget.t_d_article
FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id)
EXECUTE FUNCTION budget.t_d_article_closure_move();
