-- The moderation record and the audit log are evidence: the database refuses to rewrite them.
CREATE TRIGGER moderation_decisions_append_only BEFORE UPDATE OR DELETE ON moderation_decisions
  FOR EACH ROW EXECUTE FUNCTION samvad_refuse_change();
--> statement-breakpoint
CREATE TRIGGER moderation_decisions_no_truncate BEFORE TRUNCATE ON moderation_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION samvad_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION samvad_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION samvad_refuse_change();
--> statement-breakpoint
-- An appeal is decided by someone other than the moderator whose decision it contests.
CREATE OR REPLACE FUNCTION samvad_appeal_other_decider() RETURNS trigger AS $$
BEGIN
  IF NEW.decided_by IS NOT NULL AND NEW.decided_by = (SELECT actor_id FROM moderation_decisions WHERE id = NEW.decision_id) THEN
    RAISE EXCEPTION 'an appeal must be decided by someone other than the original decision maker' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER appeals_other_decider BEFORE INSERT OR UPDATE ON appeals
  FOR EACH ROW EXECUTE FUNCTION samvad_appeal_other_decider();
--> statement-breakpoint
-- Comments written before pre-moderation existed were published when written.
UPDATE comments SET published_at = created_at WHERE published_at IS NULL AND state <> 'awaiting_moderation';
