-- 005_notificacao.sql — letters to the municipalities about their teams at risk of suspension,
-- each with its own number in the ofício series of the year, its PDF exactly as generated, and
-- the follow-up of every team it named.

CREATE TABLE notificacao (
  id INTEGER PRIMARY KEY,
  ano INTEGER NOT NULL,
  numero INTEGER NOT NULL CHECK (numero > 0),
  ibge7 TEXT NOT NULL REFERENCES municipio (ibge7),
  identificacao TEXT NOT NULL,   -- 'OFÍCIO Nº 13/2026/COAPS/SESA'
  data TEXT NOT NULL,            -- AAAA-MM-DD
  signatario TEXT NOT NULL,      -- 'secretario' | 'coordenador'
  competencia INTEGER NOT NULL,  -- the roster's latest competência the letter describes
  horizonte INTEGER NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  entradas TEXT NOT NULL,        -- JSON of every input that shaped the PDF
  pdf BLOB NOT NULL,
  sha256 TEXT NOT NULL,
  paginas INTEGER NOT NULL,
  criado_em TEXT NOT NULL,
  usuario TEXT NOT NULL,
  UNIQUE (ano, numero)
);
CREATE INDEX notificacao_municipio ON notificacao (ibge7, id);

-- Each team a letter named, as it stood then, and what the newer competências showed.
CREATE TABLE notificacao_equipe (
  notificacao_id INTEGER NOT NULL REFERENCES notificacao (id),
  ine TEXT NOT NULL,
  nome TEXT,
  cnes TEXT,
  tipo TEXT NOT NULL,
  ausentes TEXT NOT NULL,        -- 'ENF+ACS'
  percentual INTEGER NOT NULL,
  proxima_etapa INTEGER,         -- competência, NULL none
  proximo_percentual INTEGER,
  corrigir_ate INTEGER,          -- competência, NULL none
  perda_mes INTEGER,             -- centavos, NULL unknown
  perda_horizonte INTEGER,       -- centavos, NULL unknown
  situacao TEXT NOT NULL DEFAULT 'aguardando'
    CHECK (situacao IN ('aguardando', 'regularizada', 'persiste', 'suspensa')),
  verificada_em INTEGER,         -- competência of the last check
  mantido INTEGER NOT NULL DEFAULT 0,  -- centavos of forecast loss that no longer happens
  PRIMARY KEY (notificacao_id, ine)
) WITHOUT ROWID;
CREATE INDEX notificacao_equipe_ine ON notificacao_equipe (ine);
