-- 001_schema.sql — the roster store: profile, places, teams, people, memberships per competência,
-- scenarios and the audit log. Dates are 'AAAA-MM-DD' text, competências the integer AAAAMM,
-- money integer centavos.

-- The secretariat's profile: 'uf' (sigla, written by init), 'demo' ('1' for generated data),
-- and whatever the ofício needs (secretaria.nome, secretario.nome, brasao as a blob, …).
CREATE TABLE profile (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT,
  blob BLOB
);

CREATE TABLE uf (
  codigo INTEGER PRIMARY KEY,             -- IBGE code of the state, 11–53
  sigla TEXT NOT NULL UNIQUE,
  nome TEXT NOT NULL,
  regiao TEXT NOT NULL DEFAULT ''
);

CREATE TABLE municipio (
  ibge7 TEXT PRIMARY KEY NOT NULL CHECK (length (ibge7) = 7),
  ibge6 TEXT NOT NULL UNIQUE CHECK (length (ibge6) = 6),
  nome TEXT NOT NULL,
  uf_codigo INTEGER NOT NULL REFERENCES uf (codigo),
  capital INTEGER NOT NULL DEFAULT 0,
  ied_estrato INTEGER CHECK (ied_estrato BETWEEN 1 AND 4)  -- NULL: not known yet
);
CREATE INDEX municipio_uf ON municipio (uf_codigo);

CREATE TABLE estabelecimento (
  cnes TEXT PRIMARY KEY NOT NULL,
  nome TEXT,
  ibge7 TEXT REFERENCES municipio (ibge7)
);

CREATE TABLE equipe (
  id INTEGER PRIMARY KEY,
  ine TEXT NOT NULL UNIQUE CHECK (length (ine) = 10),
  ibge7 TEXT NOT NULL REFERENCES municipio (ibge7),
  cnes TEXT,
  tp_equipe TEXT,                         -- the CNES TP_EQUIPE code as read (70, 76, 71…)
  subtipo TEXT,                           -- CO_SUB_TIPO_EQUIPE
  nome TEXT,
  dt_ativacao TEXT,
  dt_desativacao TEXT,
  valor_base INTEGER CHECK (valor_base >= 0),  -- centavos; replaces the rule set's default
  demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX equipe_municipio ON equipe (ibge7);

CREATE TABLE profissional (
  id INTEGER PRIMARY KEY,
  cns TEXT NOT NULL UNIQUE,
  nome TEXT
);

-- A team exists in a competência: its evaluated type then, and the month's flags.
CREATE TABLE equipe_competencia (
  equipe_id INTEGER NOT NULL REFERENCES equipe (id) ON DELETE CASCADE,
  competencia INTEGER NOT NULL CHECK (competencia BETWEEN 199001 AND 209912),
  tipo TEXT NOT NULL CHECK (tipo IN ('eSF', 'eAP20', 'eAP30', 'outra')),
  provimento INTEGER NOT NULL DEFAULT 0,   -- vaga de provimento sem reposição
  sem_producao INTEGER NOT NULL DEFAULT 0, -- no production sent to SISAB
  origem TEXT NOT NULL DEFAULT '',         -- 'cnes', 'csv' or 'demo'
  PRIMARY KEY (equipe_id, competencia)
) WITHOUT ROWID;
CREATE INDEX equipe_competencia_competencia ON equipe_competencia (competencia);

-- A member of a team in a competência.
CREATE TABLE vinculo (
  equipe_id INTEGER NOT NULL,
  competencia INTEGER NOT NULL,
  profissional_id INTEGER NOT NULL REFERENCES profissional (id),
  cbo TEXT NOT NULL CHECK (length (cbo) = 6),
  horas INTEGER NOT NULL CHECK (horas BETWEEN 0 AND 168),
  PRIMARY KEY (equipe_id, competencia, profissional_id, cbo),
  FOREIGN KEY (equipe_id, competencia)
    REFERENCES equipe_competencia (equipe_id, competencia) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX vinculo_profissional ON vinculo (profissional_id, competencia);

-- What-if plans: hires and departures from a competência on.
CREATE TABLE cenario (
  id INTEGER PRIMARY KEY,
  nome TEXT NOT NULL UNIQUE,
  descricao TEXT NOT NULL DEFAULT '',
  criado_em TEXT NOT NULL
);

CREATE TABLE cenario_mudanca (
  id INTEGER PRIMARY KEY,
  cenario_id INTEGER NOT NULL REFERENCES cenario (id) ON DELETE CASCADE,
  equipe_id INTEGER NOT NULL REFERENCES equipe (id) ON DELETE CASCADE,
  competencia INTEGER NOT NULL,
  acao TEXT NOT NULL CHECK (acao IN ('entrada', 'saida')),
  cns TEXT,
  cbo TEXT NOT NULL,
  horas INTEGER NOT NULL DEFAULT 40
);
CREATE INDEX cenario_mudanca_cenario ON cenario_mudanca (cenario_id);

CREATE TABLE auditoria (
  id INTEGER PRIMARY KEY,
  momento TEXT NOT NULL,                  -- UTC, 'AAAA-MM-DDTHH:MM:SSZ'
  usuario TEXT NOT NULL,                  -- the operating-system user
  acao TEXT NOT NULL,
  entidade TEXT NOT NULL DEFAULT '',
  antes TEXT,                             -- JSON
  depois TEXT                             -- JSON
);
CREATE INDEX auditoria_momento ON auditoria (momento);
