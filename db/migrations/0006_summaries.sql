CREATE TABLE "consultation_reports" (
	"consultation_id" uuid PRIMARY KEY NOT NULL,
	"introduction" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by_role" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "summary_citations" (
	"version_id" integer NOT NULL,
	"comment_id" integer NOT NULL,
	"section" text NOT NULL,
	CONSTRAINT "summary_citations_version_id_comment_id_section_pk" PRIMARY KEY("version_id","comment_id","section")
);
--> statement-breakpoint
CREATE TABLE "summary_drafts" (
	"principle_id" uuid PRIMARY KEY NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "summary_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "summary_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"principle_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"sections" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by_role" text NOT NULL,
	CONSTRAINT "summary_versions_version_positive" CHECK ("summary_versions"."version" > 0)
);
--> statement-breakpoint
ALTER TABLE "consultation_reports" ADD CONSTRAINT "consultation_reports_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_citations" ADD CONSTRAINT "summary_citations_version_id_summary_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."summary_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_citations" ADD CONSTRAINT "summary_citations_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_drafts" ADD CONSTRAINT "summary_drafts_principle_id_principles_id_fk" FOREIGN KEY ("principle_id") REFERENCES "public"."principles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_drafts" ADD CONSTRAINT "summary_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_versions" ADD CONSTRAINT "summary_versions_principle_id_principles_id_fk" FOREIGN KEY ("principle_id") REFERENCES "public"."principles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "summary_citations_comment_idx" ON "summary_citations" USING btree ("comment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "summary_versions_principle_version_key" ON "summary_versions" USING btree ("principle_id","version");