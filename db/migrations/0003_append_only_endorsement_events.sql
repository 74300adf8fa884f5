-- Append-only tables: the history is the evidence, so the database itself refuses to rewrite it.
CREATE OR REPLACE FUNCTION samvad_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER endorsement_events_append_only BEFORE UPDATE OR DELETE ON endorsement_events
  FOR EACH ROW EXECUTE FUNCTION samvad_refuse_change();
--> statement-breakpoint
CREATE TRIGGER endorsement_events_no_truncate BEFORE TRUNCATE ON endorsement_events
  FOR EACH STATEMENT EXECUTE FUNCTION samvad_refuse_change();
