CREATE TABLE "csp_reports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "csp_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"document_uri" text DEFAULT '' NOT NULL,
	"violated_directive" text DEFAULT '' NOT NULL,
	"blocked_uri" text DEFAULT '' NOT NULL,
	"sample" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "held_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "csp_reports_received_idx" ON "csp_reports" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "comments_consultation_idx" ON "comments" USING btree ("consultation_id","id");