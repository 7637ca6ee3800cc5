-- The person matcher's blocking keys (api/domain/matching/blocking.ts): the compared name's length
-- and letter multiset, so the people search asks the database for the few people who could match
-- instead of loading a whole county into the matcher. Null means "always a candidate".
ALTER TABLE "Person" ADD COLUMN "matchLength" INTEGER,
ADD COLUMN "matchBag" BIGINT,
ADD COLUMN "matchExtra" INTEGER;

-- Backfill from nameKey ("family given", written by personNameKey from the same normalised names
-- the matcher compares): its characters are those of the compared "given family" but for the one
-- space between the two, missing when either is empty. A family name with no ASCII letter or digit
-- might normalise to nothing, where the space count is ambiguous: those rows keep null keys and so
-- stay candidates for every search. Mirrors personMatchKeys.
CREATE FUNCTION "person_match_keys_of"(compared TEXT, OUT len INTEGER, OUT bag BIGINT, OUT extra INTEGER)
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    symbols CONSTANT TEXT := 'abcdefghijklmnopqrstuvwxyz ';
    counts INTEGER[] := array_fill(0, ARRAY[27]);
    s INTEGER;
BEGIN
    len := char_length(compared);
    bag := 0;
    extra := 0;
    FOR i IN 1..len LOOP
        s := strpos(symbols, substr(compared, i, 1));
        IF s > 0 AND counts[s] < 2 THEN
            bag := bag | (1::BIGINT << ((s - 1) * 2 + counts[s]));
            counts[s] := counts[s] + 1;
        ELSE
            extra := extra + 1;
        END IF;
    END LOOP;
END;
$$;

UPDATE "Person" p
   SET "matchLength" = k.len, "matchBag" = k.bag, "matchExtra" = k.extra
  FROM "Person" q
 CROSS JOIN LATERAL "person_match_keys_of"(CASE WHEN position(' ' IN q."nameKey") > 0 THEN q."nameKey" ELSE q."nameKey" || ' ' END) k
 WHERE q.id = p.id AND p."anonymisedAt" IS NULL AND p."familyName" ~ '[A-Za-z0-9]';

DROP FUNCTION "person_match_keys_of"(TEXT);
