-- schemac: SQL script for schema public

-- enum priority: create enum public.priority
CREATE TYPE public.priority AS ENUM ('low', 'normal', 'high');

-- dimension person: create table public.t_d_person
CREATE TABLE public.t_d_person (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    handle     varchar(30) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_t_d_person PRIMARY KEY (id),
    CONSTRAINT uq_t_d_person_handle UNIQUE (handle)
);

-- table task: create table public.task
CREATE TABLE public.task (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    title       text NOT NULL,
    priority    public.priority NOT NULL DEFAULT 'normal',
    assignee_id bigint,
    CONSTRAINT pk_task PRIMARY KEY (id),
    CONSTRAINT fk_task_assignee_id FOREIGN KEY (assignee_id) REFERENCES public.t_d_person (id) ON DELETE SET NULL
);

-- table task: create index ix_task_assignee_id on public.task
CREATE INDEX ix_task_assignee_id ON public.task (assignee_id);
