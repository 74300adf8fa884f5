-- A published summary version, and the citations it carries, never change: a new version is published instead.
CREATE TRIGGER summary_versions_immutable BEFORE UPDATE OR DELETE ON summary_versions
  FOR EACH ROW EXECUTE FUNCTION samvad_refuse_change();
--> statement-breakpoint
CREATE TRIGGER summary_versions_no_truncate BEFORE TRUNCATE ON summary_versions
  FOR EACH STATEMENT EXECUTE FUNCTION samvad_refuse_change();
--> statement-breakpoint
CREATE TRIGGER summary_citations_immutable BEFORE UPDATE OR DELETE ON summary_citations
  FOR EACH ROW EXECUTE FUNCTION samvad_refuse_change();
--> statement-breakpoint
CREATE TRIGGER summary_citations_no_truncate BEFORE TRUNCATE ON summary_citations
  FOR EACH STATEMENT EXECUTE FUNCTION samvad_refuse_change();
--> statement-breakpoint
CREATE TRIGGER consultation_reports_immutable BEFORE UPDATE OR DELETE ON consultation_reports
  FOR EACH ROW EXECUTE FUNCTION samvad_refuse_change();
