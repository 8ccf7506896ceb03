-- schemac: SQL script for schema org

-- schema org: create schema org
CREATE SCHEMA IF NOT EXISTS org;

-- dimension account_category: create table org.t_d_account_category
CREATE TABLE org.t_d_account_category (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    code       varchar(30) NOT NULL,
    name       varchar(100) NOT NULL,
    parent_id  bigint,
    valid_from timestamptz NOT NULL DEFAULT now(),
    valid_to   timestamptz NOT NULL DEFAULT 'infinity',
    is_current boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_account_category PRIMARY KEY (id),
    CONSTRAINT ck_t_d_account_category_valid_range CHECK (valid_from < valid_to),
    CONSTRAINT fk_t_d_account_category_parent_id FOREIGN KEY (parent_id) REFERENCES org.t_d_account_category (id) ON DELETE RESTRICT
);

-- dimension account_category: comment on table org.t_d_account_category
COMMENT ON TABLE org.t_d_account_category IS 'Chart of accounts, versioned, as a tree';

-- dimension account_category: create index ix_t_d_account_category_code_valid_from on org.t_d_account_category
CREATE INDEX ix_t_d_account_category_code_valid_from ON org.t_d_account_category (code, valid_from);

-- dimension account_category: create index ix_t_d_account_category_parent_id on org.t_d_account_category
CREATE INDEX ix_t_d_account_category_parent_id ON org.t_d_account_category (parent_id);

-- dimension account_category: create index uq_t_d_account_category_code_current on org.t_d_account_category
CREATE UNIQUE INDEX uq_t_d_account_category_code_current ON org.t_d_account_category (code) WHERE is_current;

-- closure table t_d_account_category_hierarchy: create table org.t_d_account_category_hierarchy
CREATE TABLE org.t_d_account_category_hierarchy (
    ancestor_id   bigint NOT NULL,
    descendant_id bigint NOT NULL,
    depth         integer NOT NULL,
    CONSTRAINT pk_t_d_account_category_hierarchy PRIMARY KEY (ancestor_id, descendant_id),
    CONSTRAINT ck_t_d_account_category_hierarchy_depth CHECK (depth >= 0),
    CONSTRAINT fk_t_d_account_category_hierarchy_ancestor_id FOREIGN KEY (ancestor_id) REFERENCES org.t_d_account_category (id) ON DELETE CASCADE,
    CONSTRAINT fk_t_d_account_category_hierarchy_descendant_id FOREIGN KEY (descendant_id) REFERENCES org.t_d_account_category (id) ON DELETE CASCADE
);

-- closure table t_d_account_category_hierarchy: create index ix_t_d_account_category_hierarchy_ancestor_id_depth on org.t_d_account_category_hierarchy
CREATE INDEX ix_t_d_account_category_hierarchy_ancestor_id_depth ON org.t_d_account_category_hierarchy (ancestor_id, depth);

-- closure table t_d_account_category_hierarchy: create index ix_t_d_account_category_hierarchy_descendant_id_depth on org.t_d_account_category_hierarchy
CREATE INDEX ix_t_d_account_category_hierarchy_descendant_id_depth ON org.t_d_account_category_hierarchy (descendant_id, depth);

-- dimension org_unit: create table org.t_d_org_unit
CREATE TABLE org.t_d_org_unit (
    id             bigint GENERATED ALWAYS AS IDENTITY,
    code           varchar(30) NOT NULL,
    name           varchar(100) NOT NULL,
    parent_node_id bigint,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_org_unit PRIMARY KEY (id),
    CONSTRAINT uq_t_d_org_unit_code UNIQUE (code),
    CONSTRAINT fk_t_d_org_unit_parent_node_id FOREIGN KEY (parent_node_id) REFERENCES org.t_d_org_unit (id) ON DELETE RESTRICT
);

-- dimension org_unit: create index ix_t_d_org_unit_parent_node_id on org.t_d_org_unit
CREATE INDEX ix_t_d_org_unit_parent_node_id ON org.t_d_org_unit (parent_node_id);

-- closure table org_tree: create table org.org_tree
CREATE TABLE org.org_tree (
    ancestor_id   bigint NOT NULL,
    descendant_id bigint NOT NULL,
    depth         integer NOT NULL,
    CONSTRAINT pk_org_tree PRIMARY KEY (ancestor_id, descendant_id),
    CONSTRAINT ck_org_tree_depth CHECK (depth >= 0),
    CONSTRAINT fk_org_tree_ancestor_id FOREIGN KEY (ancestor_id) REFERENCES org.t_d_org_unit (id) ON DELETE CASCADE,
    CONSTRAINT fk_org_tree_descendant_id FOREIGN KEY (descendant_id) REFERENCES org.t_d_org_unit (id) ON DELETE CASCADE
);

-- closure table org_tree: create index ix_org_tree_ancestor_id_depth on org.org_tree
CREATE INDEX ix_org_tree_ancestor_id_depth ON org.org_tree (ancestor_id, depth);

-- closure table org_tree: create index ix_org_tree_descendant_id_depth on org.org_tree
CREATE INDEX ix_org_tree_descendant_id_depth ON org.org_tree (descendant_id, depth);

-- dimension region: create table org.t_d_region
CREATE TABLE org.t_d_region (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    name       varchar(100) NOT NULL,
    parent_id  bigint,
    iso_code   char(2),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_region PRIMARY KEY (id),
    CONSTRAINT fk_t_d_region_parent_id FOREIGN KEY (parent_id) REFERENCES org.t_d_region (id) ON DELETE RESTRICT
);

-- dimension region: comment on column org.t_d_region.parent_id
COMMENT ON COLUMN org.t_d_region.parent_id IS 'The enclosing region';

-- dimension region: create index ix_t_d_region_parent_id on org.t_d_region
CREATE INDEX ix_t_d_region_parent_id ON org.t_d_region (parent_id);

-- closure table t_d_region_hierarchy: create table org.t_d_region_hierarchy
CREATE TABLE org.t_d_region_hierarchy (
    ancestor_id   bigint NOT NULL,
    descendant_id bigint NOT NULL,
    depth         integer NOT NULL,
    CONSTRAINT pk_t_d_region_hierarchy PRIMARY KEY (ancestor_id, descendant_id),
    CONSTRAINT ck_t_d_region_hierarchy_depth CHECK (depth >= 0),
    CONSTRAINT fk_t_d_region_hierarchy_ancestor_id FOREIGN KEY (ancestor_id) REFERENCES org.t_d_region (id) ON DELETE CASCADE,
    CONSTRAINT fk_t_d_region_hierarchy_descendant_id FOREIGN KEY (descendant_id) REFERENCES org.t_d_region (id) ON DELETE CASCADE
);

-- closure table t_d_region_hierarchy: create index ix_t_d_region_hierarchy_ancestor_id_depth on org.t_d_region_hierarchy
CREATE INDEX ix_t_d_region_hierarchy_ancestor_id_depth ON org.t_d_region_hierarchy (ancestor_id, depth);

-- closure table t_d_region_hierarchy: create index ix_t_d_region_hierarchy_descendant_id_depth on org.t_d_region_hierarchy
CREATE INDEX ix_t_d_region_hierarchy_descendant_id_depth ON org.t_d_region_hierarchy (descendant_id, depth);

-- dimension account_category: create triggers keeping org.t_d_account_category_hierarchy up to date
CREATE OR REPLACE FUNCTION org.t_d_account_category_closure_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.parent_id = NEW.id THEN
        RAISE EXCEPTION 'cycle in org.t_d_account_category: row % cannot have % as its parent', NEW.id, NEW.parent_id
            USING ERRCODE = 'check_violation',
                  DETAIL = 'A row cannot be moved under itself or one of its descendants.';
    END IF;
    -- Every node is its own ancestor at depth 0.
    INSERT INTO org.t_d_account_category_hierarchy (ancestor_id, descendant_id, depth)
    VALUES (NEW.id, NEW.id, 0);
    IF NEW.parent_id IS NOT NULL THEN
        -- The parent and its ancestors are the node's ancestors, one level further away.
        INSERT INTO org.t_d_account_category_hierarchy (ancestor_id, descendant_id, depth)
        SELECT a.ancestor_id, NEW.id, a.depth + 1
        FROM org.t_d_account_category_hierarchy AS a
        WHERE a.descendant_id = NEW.parent_id;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'org.t_d_account_category_hierarchy has no rows for parent % of row %', NEW.parent_id, NEW.id
                USING ERRCODE = 'integrity_constraint_violation',
                      HINT = 'Within one statement, insert a parent before its children.';
        END IF;
    END IF;
    -- No delete trigger: parent_id is ON DELETE RESTRICT, so only leaves go, and their rows follow by ON DELETE CASCADE.
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION org.t_d_account_category_closure_move() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Moves of one tree are serialised: two concurrent moves (A under B, B under A)
    -- would each pass a check that cannot see the other's uncommitted change.
    PERFORM pg_advisory_xact_lock(hashtext('org.t_d_account_category_hierarchy'));
    -- The new parent must not be the node itself or one of its descendants. Checked
    -- after the row changed, against the tree as the moves before it left it, so a
    -- statement that reorders several rows is judged one move at a time.
    IF EXISTS (
        SELECT 1
        FROM org.t_d_account_category_hierarchy AS c
        WHERE c.ancestor_id = NEW.id AND c.descendant_id = NEW.parent_id
    ) THEN
        RAISE EXCEPTION 'cycle in org.t_d_account_category: row % cannot have % as its parent', NEW.id, NEW.parent_id
            USING ERRCODE = 'check_violation',
                  DETAIL = 'A row cannot be moved under itself or one of its descendants.';
    END IF;
    -- Detach the subtree (the node and its descendants) from the node's former ancestors.
    DELETE FROM org.t_d_account_category_hierarchy AS link
    USING org.t_d_account_category_hierarchy AS up, org.t_d_account_category_hierarchy AS down
    WHERE up.descendant_id = NEW.id AND up.ancestor_id <> NEW.id
      AND down.ancestor_id = NEW.id
      AND link.ancestor_id = up.ancestor_id
      AND link.descendant_id = down.descendant_id;
    IF NEW.parent_id IS NOT NULL THEN
        -- Attach it below the new parent: every ancestor of the parent (the parent included)
        -- with every node of the subtree.
        INSERT INTO org.t_d_account_category_hierarchy (ancestor_id, descendant_id, depth)
        SELECT up.ancestor_id, down.descendant_id, up.depth + down.depth + 1
        FROM org.t_d_account_category_hierarchy AS up
        CROSS JOIN org.t_d_account_category_hierarchy AS down
        WHERE up.descendant_id = NEW.parent_id
          AND down.ancestor_id = NEW.id;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'org.t_d_account_category_hierarchy has no rows for parent % of row %', NEW.parent_id, NEW.id
                USING ERRCODE = 'integrity_constraint_violation',
                      HINT = 'Within one statement, insert a parent before its children.';
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_t_d_account_category_closure_insert
AFTER INSERT ON org.t_d_account_category
FOR EACH ROW
EXECUTE FUNCTION org.t_d_account_category_closure_insert();

CREATE TRIGGER trg_t_d_account_category_closure_move
AFTER UPDATE ON org.t_d_account_category
FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id)
EXECUTE FUNCTION org.t_d_account_category_closure_move();

-- dimension region: create triggers keeping org.t_d_region_hierarchy up to date
CREATE OR REPLACE FUNCTION org.t_d_region_closure_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.parent_id = NEW.id THEN
        RAISE EXCEPTION 'cycle in org.t_d_region: row % cannot have % as its parent', NEW.id, NEW.parent_id
            USING ERRCODE = 'check_violation',
                  DETAIL = 'A row cannot be moved under itself or one of its descendants.';
    END IF;
    -- Every node is its own ancestor at depth 0.
    INSERT INTO org.t_d_region_hierarchy (ancestor_id, descendant_id, depth)
    VALUES (NEW.id, NEW.id, 0);
    IF NEW.parent_id IS NOT NULL THEN
        -- The parent and its ancestors are the node's ancestors, one level further away.
        INSERT INTO org.t_d_region_hierarchy (ancestor_id, descendant_id, depth)
        SELECT a.ancestor_id, NEW.id, a.depth + 1
        FROM org.t_d_region_hierarchy AS a
        WHERE a.descendant_id = NEW.parent_id;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'org.t_d_region_hierarchy has no rows for parent % of row %', NEW.parent_id, NEW.id
                USING ERRCODE = 'integrity_constraint_violation',
                      HINT = 'Within one statement, insert a parent before its children.';
        END IF;
    END IF;
    -- No delete trigger: parent_id is ON DELETE RESTRICT, so only leaves go, and their rows follow by ON DELETE CASCADE.
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION org.t_d_region_closure_move() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Moves of one tree are serialised: two concurrent moves (A under B, B under A)
    -- would each pass a check that cannot see the other's uncommitted change.
    PERFORM pg_advisory_xact_lock(hashtext('org.t_d_region_hierarchy'));
    -- The new parent must not be the node itself or one of its descendants. Checked
    -- after the row changed, against the tree as the moves before it left it, so a
    -- statement that reorders several rows is judged one move at a time.
    IF EXISTS (
        SELECT 1
        FROM org.t_d_region_hierarchy AS c
        WHERE c.ancestor_id = NEW.id AND c.descendant_id = NEW.parent_id
    ) THEN
        RAISE EXCEPTION 'cycle in org.t_d_region: row % cannot have % as its parent', NEW.id, NEW.parent_id
            USING ERRCODE = 'check_violation',
                  DETAIL = 'A row cannot be moved under itself or one of its descendants.';
    END IF;
    -- Detach the subtree (the node and its descendants) from the node's former ancestors.
    DELETE FROM org.t_d_region_hierarchy AS link
    USING org.t_d_region_hierarchy AS up, org.t_d_region_hierarchy AS down
    WHERE up.descendant_id = NEW.id AND up.ancestor_id <> NEW.id
      AND down.ancestor_id = NEW.id
      AND link.ancestor_id = up.ancestor_id
      AND link.descendant_id = down.descendant_id;
    IF NEW.parent_id IS NOT NULL THEN
        -- Attach it below the new parent: every ancestor of the parent (the parent included)
        -- with every node of the subtree.
        INSERT INTO org.t_d_region_hierarchy (ancestor_id, descendant_id, depth)
        SELECT up.ancestor_id, down.descendant_id, up.depth + down.depth + 1
        FROM org.t_d_region_hierarchy AS up
        CROSS JOIN org.t_d_region_hierarchy AS down
        WHERE up.descendant_id = NEW.parent_id
          AND down.ancestor_id = NEW.id;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'org.t_d_region_hierarchy has no rows for parent % of row %', NEW.parent_id, NEW.id
                USING ERRCODE = 'integrity_constraint_violation',
                      HINT = 'Within one statement, insert a parent before its children.';
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_t_d_region_closure_insert
AFTER INSERT ON org.t_d_region
FOR EACH ROW
EXECUTE FUNCTION org.t_d_region_closure_insert();

CREATE TRIGGER trg_t_d_region_closure_move
AFTER UPDATE ON org.t_d_region
FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id)
EXECUTE FUNCTION org.t_d_region_closure_move();
