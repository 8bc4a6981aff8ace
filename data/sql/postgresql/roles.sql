-- roles.sql — who may do what in a Coordena database on a PostgreSQL server (docs/servidor.md).
--
--   coordena_leitura       sees everything: the teams, the forecasts, the reports, the ofícios
--                          and notifications already made; changes nothing.
--   coordena_coordenacao   also imports, edits, generates ofícios and notifications and records
--                          the adhesion steps: reads and writes every table's rows, and takes ids
--                          from the sequences (and moves them past a restored copy's ids).
--
-- Neither may create, alter or drop tables, nor change the schema version: the database's owner,
-- the login that ran `coordena-cli --db … init`, applies a new version's migrations.
-- People log in with roles of their own, members of one of these two (docs/servidor.md).
--
-- Run it in the Coordena database as a superuser or the IT's administrator (it creates the two
-- roles when they do not exist yet, which takes CREATEROLE), before or after `init`: it grants on
-- the tables that exist and, by default privileges, on those the owner creates later. Running it
-- again changes nothing.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'coordena_leitura') THEN
    CREATE ROLE coordena_leitura NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'coordena_coordenacao') THEN
    CREATE ROLE coordena_coordenacao NOLOGIN;
  END IF;
END
$$;

-- Only these two roles (and the owner) reach this database; nobody but the owner creates in it.
DO $$
DECLARE
  owner name := (SELECT pg_get_userbyid (datdba) FROM pg_database WHERE datname = current_database ());
BEGIN
  EXECUTE format ('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database ());
  EXECUTE format ('GRANT CONNECT, TEMPORARY ON DATABASE %I TO coordena_leitura, coordena_coordenacao',
                  current_database ());
  REVOKE CREATE ON SCHEMA public FROM PUBLIC;
  GRANT USAGE ON SCHEMA public TO coordena_leitura, coordena_coordenacao;

  -- The tables that exist now.
  GRANT SELECT ON ALL TABLES IN SCHEMA public TO coordena_leitura;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO coordena_coordenacao;
  GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO coordena_coordenacao;

  -- The tables the owner's later migrations create.
  EXECUTE format ('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public '
                  'GRANT SELECT ON TABLES TO coordena_leitura', owner);
  EXECUTE format ('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public '
                  'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO coordena_coordenacao', owner);
  EXECUTE format ('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public '
                  'GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO coordena_coordenacao', owner);

  -- The schema version is the owner's: only a migration moves it.
  IF to_regclass ('public.coordena_schema') IS NOT NULL THEN
    REVOKE INSERT, UPDATE, DELETE ON public.coordena_schema FROM coordena_coordenacao;
  END IF;
END
$$;
