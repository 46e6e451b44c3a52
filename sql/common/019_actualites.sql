-- « Actualités » written by agents (admin/actualites.c) and shown on the home page.
-- visible (since 001) is « publiée » (1) or « brouillon / dépubliée » (0).  A published
-- news is shown from visible_from to visible_until, both days included (ISO dates, Paris;
-- NULL: no bound): the home page's query compares them with today's date, so a window
-- opens and closes by itself, without any action.  rang orders the tiles (smallest
-- first; equal rangs: the latest published first).  image is a file name in
-- <PortailDataDir>/photos (the photo storage, screens/photo.c), image_alt its text for
-- screen readers (empty: decorative).
ALTER TABLE news ADD COLUMN visible_from TEXT;
ALTER TABLE news ADD COLUMN visible_until TEXT;
ALTER TABLE news ADD COLUMN rang INTEGER NOT NULL DEFAULT 1;
ALTER TABLE news ADD COLUMN image TEXT;
ALTER TABLE news ADD COLUMN image_alt TEXT;
ALTER TABLE news ADD COLUMN updated_at BIGINT;
CREATE INDEX news_rang ON news (visible, rang);
