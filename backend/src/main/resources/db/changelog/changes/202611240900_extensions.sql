--liquibase formatted sql

--changeset lantern:202611240900-extensions
--comment: Vietnamese search ignores case and diacritics: unaccent + trigram indexes
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE; an IMMUTABLE wrapper with the dictionary named lets it be indexed.
create or replace function lantern_fold(text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
--rollback drop function lantern_fold(text); drop extension pg_trgm; drop extension unaccent;
