-- 004_numbering.sql (PostgreSQL) — numbers of signed documents by sequence, and ofícios sent
-- outside Coordena; as ../004_numbering.sql. A number printed once is never printed again on
-- another document: every issued number of every sequence ("oficio", and any later kind of
-- document) is kept here. On a shared server every desktop takes its numbers from these tables, in
-- the transaction that stores the document.

-- The last number the counter handed out, per sequence and year. It only grows.
CREATE TABLE numeracao (
  sequencia text NOT NULL,
  ano bigint NOT NULL,
  ultimo bigint NOT NULL CHECK (ultimo >= 0),
  PRIMARY KEY (sequencia, ano)
);
INSERT INTO numeracao (sequencia, ano, ultimo) SELECT 'oficio', ano, ultimo FROM oficio_numeracao;
DROP TABLE oficio_numeracao;

-- Every number issued: by the counter, given by the user (the secretariat's own register), or of a
-- document registered after it was sent outside Coordena.
CREATE TABLE numero_emitido (
  sequencia text NOT NULL,
  ano bigint NOT NULL,
  numero bigint NOT NULL CHECK (numero > 0),
  data text NOT NULL,
  origem text NOT NULL CHECK (origem IN ('contador', 'informado', 'registrado')),
  documento text NOT NULL,
  sha256 text,
  criado_em text NOT NULL,
  PRIMARY KEY (sequencia, ano, numero)
);
INSERT INTO numero_emitido (sequencia, ano, numero, data, origem, documento, sha256, criado_em)
  SELECT 'oficio', ano, numero, data, 'contador', identificacao, sha256, criado_em FROM oficio;

-- An ofício is either generated here or registered after it was sent outside Coordena (paper,
-- the secretariat's own protocol system): then it carries the date sent, the channel, the
-- protocol receipt and the scanned file when there is one (pdf is empty when there is none).
ALTER TABLE oficio ADD COLUMN origem text NOT NULL DEFAULT 'gerado' CHECK (origem IN ('gerado', 'registrado'));
ALTER TABLE oficio ADD COLUMN data_envio text;
ALTER TABLE oficio ADD COLUMN canal text;
ALTER TABLE oficio ADD COLUMN recibo text;
ALTER TABLE oficio ADD COLUMN arquivo text;

UPDATE coordena_schema SET version = 4;
