-- 002_adhesion.sql — the state's adhesion to offers: the record and its dated steps, the
-- municipalities' follow-up, the numbering of ofícios and every PDF exactly as generated.
-- Dates are 'AAAA-MM-DD' (Brasília), time stamps 'AAAA-MM-DDTHH:MM:SSZ' (UTC).

-- One record per offer; the state it is in now.
CREATE TABLE adesao (
  oferta TEXT PRIMARY KEY NOT NULL,
  estado TEXT NOT NULL DEFAULT 'rascunho'
    CHECK (estado IN ('rascunho', 'oficio_gerado', 'assinado', 'enviado', 'confirmado',
                      'indeferido', 'aderido_egestor')),
  data TEXT,                 -- date of the last step
  protocolo TEXT             -- e-Gestor or Ministry protocol, when known
);

-- Every step, dated, with who and why. Never updated or deleted.
CREATE TABLE adesao_passo (
  id INTEGER PRIMARY KEY,
  oferta TEXT NOT NULL,
  de TEXT NOT NULL,
  para TEXT NOT NULL,
  data TEXT NOT NULL,
  registrado_em TEXT NOT NULL,
  usuario TEXT NOT NULL,
  nota TEXT,
  protocolo TEXT,
  oficio_id INTEGER REFERENCES oficio (id)
);
CREATE INDEX adesao_passo_oferta ON adesao_passo (oferta, id);

-- The last number handed out per year. It only grows: a refused or deleted ofício never gives
-- its number back.
CREATE TABLE oficio_numeracao (
  ano INTEGER PRIMARY KEY,
  ultimo INTEGER NOT NULL CHECK (ultimo >= 0)
);

-- Every generated ofício with the PDF's bytes, so an export returns exactly what was sent.
CREATE TABLE oficio (
  id INTEGER PRIMARY KEY,
  ano INTEGER NOT NULL,
  numero INTEGER NOT NULL CHECK (numero > 0),
  oferta TEXT NOT NULL,
  identificacao TEXT NOT NULL,   -- 'OFÍCIO Nº 12/2025/COAPS/SESA'
  data TEXT NOT NULL,
  signatario TEXT NOT NULL,      -- 'secretario' | 'coordenador'
  anexo TEXT,                    -- 'equipes' or NULL
  entradas TEXT NOT NULL,        -- JSON of every input that shaped the PDF
  pdf BLOB NOT NULL,
  sha256 TEXT NOT NULL,
  paginas INTEGER NOT NULL,
  criado_em TEXT NOT NULL,
  usuario TEXT NOT NULL,
  excluido INTEGER NOT NULL DEFAULT 0,  -- a discarded draft keeps its number
  UNIQUE (ano, numero)
);

-- The follow-up of each municipality of the state for an offer.
CREATE TABLE municipio_adesao (
  oferta TEXT NOT NULL,
  ibge7 TEXT NOT NULL REFERENCES municipio (ibge7),
  status TEXT NOT NULL DEFAULT 'nao_iniciado'
    CHECK (status IN ('nao_iniciado', 'aderiu_egestor', 'pendente')),
  data TEXT,
  responsavel TEXT,
  acesso_titular TEXT,           -- who holds the Gerencia APS access
  acesso_ultimo_uso TEXT,        -- when it was last used (access lapses after 90 days unused)
  nota TEXT,
  PRIMARY KEY (oferta, ibge7)
);
