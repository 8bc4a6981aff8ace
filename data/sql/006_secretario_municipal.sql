-- 006_secretario_municipal.sql — who the municipality's Secretário(a) Municipal de Saúde is, so a
-- letter to the municipality can name the person (Decreto 9.758/2019, art. 4, parágrafo único, II).
-- Kept per municipality, not per offer: the secretary does not change with the offer followed.

CREATE TABLE municipio_secretario (
  ibge7 TEXT PRIMARY KEY NOT NULL REFERENCES municipio (ibge7),
  nome TEXT NOT NULL CHECK (length (trim (nome)) > 0),
  genero TEXT NOT NULL CHECK (genero IN ('F', 'M'))
);
