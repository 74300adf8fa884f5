-- principle_comment_counts follows every write to comments in the same transaction: +1 when a comment becomes
-- published, -1 when it stops being published (withdrawn, hidden, deleted), both when an edit changes its stance.
-- A decrement is a plain UPDATE: an INSERT of -1 would meet the "never negative" check before ON CONFLICT
-- could turn it into an update. A decrement with no row to update is a bug, and refused as one.
CREATE OR REPLACE FUNCTION samvad_add_comment_count(p uuid, c uuid, g stakeholder_group, s stance, delta integer) RETURNS void AS $$
BEGIN
  IF delta > 0 THEN
    INSERT INTO principle_comment_counts AS k (principle_id, consultation_id, stakeholder_group, stance, n)
    VALUES (p, c, g, s, delta)
    ON CONFLICT (principle_id, stakeholder_group, stance) DO UPDATE SET n = k.n + excluded.n;
  ELSE
    UPDATE principle_comment_counts SET n = n + delta WHERE principle_id = p AND stakeholder_group = g AND stance = s;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'comment counter missing for principle %, %, %', p, g, s USING ERRCODE = 'check_violation';
    END IF;
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION samvad_count_published_comments() RETURNS trigger AS $$
DECLARE
  was boolean := TG_OP <> 'INSERT' AND OLD.state = 'published';
  is_now boolean := TG_OP <> 'DELETE' AND NEW.state = 'published';
BEGIN
  IF was AND is_now AND OLD.stance = NEW.stance THEN
    RETURN NULL;
  END IF;
  -- The lower key first, so that two edits swapping the same two stances lock in the same order.
  IF is_now AND (NOT was OR NEW.stance < OLD.stance) THEN
    PERFORM samvad_add_comment_count(NEW.principle_id, NEW.consultation_id, NEW.stakeholder_group, NEW.stance, 1);
    is_now := false;
  END IF;
  IF was THEN
    PERFORM samvad_add_comment_count(OLD.principle_id, OLD.consultation_id, OLD.stakeholder_group, OLD.stance, -1);
  END IF;
  IF is_now THEN
    PERFORM samvad_add_comment_count(NEW.principle_id, NEW.consultation_id, NEW.stakeholder_group, NEW.stance, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER comments_count_published AFTER INSERT OR DELETE OR UPDATE OF state, stance ON comments
  FOR EACH ROW EXECUTE FUNCTION samvad_count_published_comments();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION samvad_reset_comment_counts() RETURNS trigger AS $$
BEGIN
  DELETE FROM principle_comment_counts;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER comments_truncate_counts AFTER TRUNCATE ON comments
  FOR EACH STATEMENT EXECUTE FUNCTION samvad_reset_comment_counts();
--> statement-breakpoint
INSERT INTO principle_comment_counts (principle_id, consultation_id, stakeholder_group, stance, n)
SELECT principle_id, consultation_id, stakeholder_group, stance, count(*)::int
FROM comments WHERE state = 'published'
GROUP BY 1, 2, 3, 4;
