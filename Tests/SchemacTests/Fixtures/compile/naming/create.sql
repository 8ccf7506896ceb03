-- schemac: SQL script for schema analytics

-- schema analytics: create schema analytics
CREATE SCHEMA IF NOT EXISTS analytics;

-- dimension campaign: create table analytics.dim_campaign
CREATE TABLE analytics.dim_campaign (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    code       varchar(20) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_dim_campaign PRIMARY KEY (id),
    CONSTRAINT uq_dim_campaign_code UNIQUE (code)
);

-- dimension customer_acquisition_channel_hierarchy_node: create table analytics.dim_customer_acquisition_channel_hierarchy_node
CREATE TABLE analytics.dim_customer_acquisition_channel_hierarchy_node (
    id            bigint GENERATED ALWAYS AS IDENTITY,
    channel_code  varchar(40) NOT NULL,
    channel_label text NOT NULL,
    parent_id     bigint,
    valid_from    timestamptz NOT NULL DEFAULT now(),
    valid_to      timestamptz NOT NULL DEFAULT 'infinity',
    is_current    boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_dim_customer_acquisition_channel_hierarchy_node PRIMARY KEY (id),
    CONSTRAINT ck_dim_customer_acquisition_channel_hierarchy_node_valid_range CHECK (valid_from < valid_to),
    CONSTRAINT fk_dim_customer_acquisition_channel_hierarchy_node_parent_id FOREIGN KEY (parent_id) REFERENCES analytics.dim_customer_acquisition_channel_hierarchy_node (id) ON DELETE RESTRICT
);

-- dimension customer_acquisition_channel_hierarchy_node: create index ix_dim_customer_acquisition_channel_hierarchy_node_cha_db1e44b1 on analytics.dim_customer_acquisition_channel_hierarchy_node
CREATE INDEX ix_dim_customer_acquisition_channel_hierarchy_node_cha_db1e44b1 ON analytics.dim_customer_acquisition_channel_hierarchy_node (channel_code, valid_from);

-- dimension customer_acquisition_channel_hierarchy_node: create index ix_dim_customer_acquisition_channel_hierarchy_node_parent_id on analytics.dim_customer_acquisition_channel_hierarchy_node
CREATE INDEX ix_dim_customer_acquisition_channel_hierarchy_node_parent_id ON analytics.dim_customer_acquisition_channel_hierarchy_node (parent_id);

-- dimension customer_acquisition_channel_hierarchy_node: create index uq_dim_customer_acquisition_channel_hierarchy_node_cha_c42b8dc2 on analytics.dim_customer_acquisition_channel_hierarchy_node
CREATE UNIQUE INDEX uq_dim_customer_acquisition_channel_hierarchy_node_cha_c42b8dc2 ON analytics.dim_customer_acquisition_channel_hierarchy_node (channel_code) WHERE is_current;

-- closure table dim_customer_acquisition_channel_hierarchy_node_closure: create table analytics.dim_customer_acquisition_channel_hierarchy_node_closure
CREATE TABLE analytics.dim_customer_acquisition_channel_hierarchy_node_closure (
    ancestor_id   bigint NOT NULL,
    descendant_id bigint NOT NULL,
    depth         integer NOT NULL,
    CONSTRAINT pk_dim_customer_acquisition_channel_hierarchy_node_closure PRIMARY KEY (ancestor_id, descendant_id),
    CONSTRAINT ck_dim_customer_acquisition_channel_hierarchy_node_clo_2b9c3350 CHECK (depth >= 0),
    CONSTRAINT fk_dim_customer_acquisition_channel_hierarchy_node_clo_08b3605b FOREIGN KEY (ancestor_id) REFERENCES analytics.dim_customer_acquisition_channel_hierarchy_node (id) ON DELETE CASCADE,
    CONSTRAINT fk_dim_customer_acquisition_channel_hierarchy_node_clo_a2e9beb1 FOREIGN KEY (descendant_id) REFERENCES analytics.dim_customer_acquisition_channel_hierarchy_node (id) ON DELETE CASCADE
);

-- closure table dim_customer_acquisition_channel_hierarchy_node_closure: create index ix_dim_customer_acquisition_channel_hierarchy_node_clo_9d1792fb on analytics.dim_customer_acquisition_channel_hierarchy_node_closure
CREATE INDEX ix_dim_customer_acquisition_channel_hierarchy_node_clo_9d1792fb ON analytics.dim_customer_acquisition_channel_hierarchy_node_closure (ancestor_id, depth);

-- closure table dim_customer_acquisition_channel_hierarchy_node_closure: create index ix_dim_customer_acquisition_channel_hierarchy_node_clo_e8824df9 on analytics.dim_customer_acquisition_channel_hierarchy_node_closure
CREATE INDEX ix_dim_customer_acquisition_channel_hierarchy_node_clo_e8824df9 ON analytics.dim_customer_acquisition_channel_hierarchy_node_closure (descendant_id, depth);

-- table currency: create table analytics.ref_currency
CREATE TABLE analytics.ref_currency (
    iso_code char(3) NOT NULL,
    CONSTRAINT pk_ref_currency PRIMARY KEY (iso_code)
);

-- fact marketing_touchpoint_attribution: create table analytics.fct_marketing_touchpoint_attribution
CREATE TABLE analytics.fct_marketing_touchpoint_attribution (
    id                                             bigint GENERATED ALWAYS AS IDENTITY,
    customer_acquisition_channel_hierarchy_node_id bigint NOT NULL,
    campaign_id                                    bigint NOT NULL,
    first_touch_acquisition_channel_node_id        bigint NOT NULL,
    touched_on                                     date NOT NULL,
    reporting_currency_iso_code                    char(3) NOT NULL,
    attributed_revenue_amount                      numeric(14,2) NOT NULL,
    created_at                                     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_fct_marketing_touchpoint_attribution PRIMARY KEY (id),
    CONSTRAINT uq_fct_marketing_touchpoint_attribution_customer_acqui_940cf56e UNIQUE (customer_acquisition_channel_hierarchy_node_id, first_touch_acquisition_channel_node_id, campaign_id, touched_on),
    CONSTRAINT ck_fct_marketing_touchpoint_attribution_attributed_rev_c9136fe5 CHECK (attributed_revenue_amount >= 0),
    CONSTRAINT fk_fct_marketing_touchpoint_attribution_campaign_id FOREIGN KEY (campaign_id) REFERENCES analytics.dim_campaign (id),
    CONSTRAINT fk_fct_marketing_touchpoint_attribution_customer_acqui_57695895 FOREIGN KEY (customer_acquisition_channel_hierarchy_node_id) REFERENCES analytics.dim_customer_acquisition_channel_hierarchy_node (id),
    CONSTRAINT fk_fct_marketing_touchpoint_attribution_first_touch_ac_11ef622f FOREIGN KEY (first_touch_acquisition_channel_node_id) REFERENCES analytics.dim_customer_acquisition_channel_hierarchy_node (id),
    CONSTRAINT fk_fct_marketing_touchpoint_attribution_reporting_curr_93120b58 FOREIGN KEY (reporting_currency_iso_code) REFERENCES analytics.ref_currency (iso_code)
);

-- fact marketing_touchpoint_attribution: create index ix_fct_marketing_touchpoint_attribution_campaign_id on analytics.fct_marketing_touchpoint_attribution
CREATE INDEX ix_fct_marketing_touchpoint_attribution_campaign_id ON analytics.fct_marketing_touchpoint_attribution (campaign_id);

-- fact marketing_touchpoint_attribution: create index ix_fct_marketing_touchpoint_attribution_first_touch_ac_c91c4199 on analytics.fct_marketing_touchpoint_attribution
CREATE INDEX ix_fct_marketing_touchpoint_attribution_first_touch_ac_c91c4199 ON analytics.fct_marketing_touchpoint_attribution (first_touch_acquisition_channel_node_id);

-- fact marketing_touchpoint_attribution: create index ix_fct_marketing_touchpoint_attribution_reporting_curr_412dd052 on analytics.fct_marketing_touchpoint_attribution
CREATE INDEX ix_fct_marketing_touchpoint_attribution_reporting_curr_412dd052 ON analytics.fct_marketing_touchpoint_attribution (reporting_currency_iso_code);

-- dimension customer_acquisition_channel_hierarchy_node: create triggers keeping analytics.dim_customer_acquisition_channel_hierarchy_node_closure up to date
CREATE OR REPLACE FUNCTION analytics.dim_customer_acquisition_channel_hierarchy_node_closure_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.parent_id = NEW.id THEN
        RAISE EXCEPTION 'cycle in analytics.dim_customer_acquisition_channel_hierarchy_node: row % cannot have % as its parent', NEW.id, NEW.parent_id
            USING ERRCODE = 'check_violation',
                  DETAIL = 'A row cannot be moved under itself or one of its descendants.';
    END IF;
    -- Every node is its own ancestor at depth 0.
    INSERT INTO analytics.dim_customer_acquisition_channel_hierarchy_node_closure (ancestor_id, descendant_id, depth)
    VALUES (NEW.id, NEW.id, 0);
    IF NEW.parent_id IS NOT NULL THEN
        -- The parent and its ancestors are the node's ancestors, one level further away.
        INSERT INTO analytics.dim_customer_acquisition_channel_hierarchy_node_closure (ancestor_id, descendant_id, depth)
        SELECT a.ancestor_id, NEW.id, a.depth + 1
        FROM analytics.dim_customer_acquisition_channel_hierarchy_node_closure AS a
        WHERE a.descendant_id = NEW.parent_id;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'analytics.dim_customer_acquisition_channel_hierarchy_node_closure has no rows for parent % of row %', NEW.parent_id, NEW.id
                USING ERRCODE = 'integrity_constraint_violation',
                      HINT = 'Within one statement, insert a parent before its children.';
        END IF;
    END IF;
    -- No delete trigger: parent_id is ON DELETE RESTRICT, so only leaves go, and their rows follow by ON DELETE CASCADE.
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION analytics.dim_customer_acquisition_channel_hierarchy_node_closure_move() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Moves of one tree are serialised: two concurrent moves (A under B, B under A)
    -- would each pass a check that cannot see the other's uncommitted change.
    PERFORM pg_advisory_xact_lock(hashtext('analytics.dim_customer_acquisition_channel_hierarchy_node_closure'));
    -- The new parent must not be the node itself or one of its descendants. Checked
    -- after the row changed, against the tree as the moves before it left it, so a
    -- statement that reorders several rows is judged one move at a time.
    IF EXISTS (
        SELECT 1
        FROM analytics.dim_customer_acquisition_channel_hierarchy_node_closure AS c
        WHERE c.ancestor_id = NEW.id AND c.descendant_id = NEW.parent_id
    ) THEN
        RAISE EXCEPTION 'cycle in analytics.dim_customer_acquisition_channel_hierarchy_node: row % cannot have % as its parent', NEW.id, NEW.parent_id
            USING ERRCODE = 'check_violation',
                  DETAIL = 'A row cannot be moved under itself or one of its descendants.';
    END IF;
    -- Detach the subtree (the node and its descendants) from the node's former ancestors.
    DELETE FROM analytics.dim_customer_acquisition_channel_hierarchy_node_closure AS link
    USING analytics.dim_customer_acquisition_channel_hierarchy_node_closure AS up, analytics.dim_customer_acquisition_channel_hierarchy_node_closure AS down
    WHERE up.descendant_id = NEW.id AND up.ancestor_id <> NEW.id
      AND down.ancestor_id = NEW.id
      AND link.ancestor_id = up.ancestor_id
      AND link.descendant_id = down.descendant_id;
    IF NEW.parent_id IS NOT NULL THEN
        -- Attach it below the new parent: every ancestor of the parent (the parent included)
        -- with every node of the subtree.
        INSERT INTO analytics.dim_customer_acquisition_channel_hierarchy_node_closure (ancestor_id, descendant_id, depth)
        SELECT up.ancestor_id, down.descendant_id, up.depth + down.depth + 1
        FROM analytics.dim_customer_acquisition_channel_hierarchy_node_closure AS up
        CROSS JOIN analytics.dim_customer_acquisition_channel_hierarchy_node_closure AS down
        WHERE up.descendant_id = NEW.parent_id
          AND down.ancestor_id = NEW.id;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'analytics.dim_customer_acquisition_channel_hierarchy_node_closure has no rows for parent % of row %', NEW.parent_id, NEW.id
                USING ERRCODE = 'integrity_constraint_violation',
                      HINT = 'Within one statement, insert a parent before its children.';
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_dim_customer_acquisition_channel_hierarchy_node_cl_ecf1d38f
AFTER INSERT ON analytics.dim_customer_acquisition_channel_hierarchy_node
FOR EACH ROW
EXECUTE FUNCTION analytics.dim_customer_acquisition_channel_hierarchy_node_closure_insert();

CREATE TRIGGER trg_dim_customer_acquisition_channel_hierarchy_node_cl_fc65c02b
AFTER UPDATE ON analytics.dim_customer_acquisition_channel_hierarchy_node
FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id)
EXECUTE FUNCTION analytics.dim_customer_acquisition_channel_hierarchy_node_closure_move();
