-- 006_secretario_municipal.sql (PostgreSQL) — who the municipality's Secretário(a) Municipal de
-- Saúde is, so a letter to the municipality can name the person (Decreto 9.758/2019, art. 4,
-- parágrafo único, II); as ../006_secretario_municipal.sql. Kept per municipality, not per offer.

CREATE TABLE municipio_secretario (
  ibge7 text PRIMARY KEY NOT NULL REFERENCES municipio (ibge7),
  nome text NOT NULL CHECK (length (trim (nome)) > 0),
  genero text NOT NULL CHECK (genero IN ('F', 'M'))
);

UPDATE coordena_schema SET version = 6;
