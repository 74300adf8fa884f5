CREATE TYPE "public"."comment_state" AS ENUM('awaiting_moderation', 'published', 'hidden', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."endorsement_action" AS ENUM('endorse', 'withdraw');--> statement-breakpoint
CREATE TYPE "public"."stance" AS ENUM('supports', 'supports_with_changes', 'has_concerns', 'opposes', 'none');--> statement-breakpoint
CREATE TABLE "comment_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "comment_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"comment_id" integer NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"stance" "stance" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"consultation_id" uuid NOT NULL,
	"principle_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"parent_id" integer,
	"root_id" integer,
	"depth" integer DEFAULT 0 NOT NULL,
	"organisation_id" uuid,
	"stakeholder_group" "stakeholder_group" NOT NULL,
	"stance" "stance" NOT NULL,
	"body" text NOT NULL,
	"language" "language" NOT NULL,
	"state" "comment_state" DEFAULT 'published' NOT NULL,
	"thread_reply_count" integer DEFAULT 0 NOT NULL,
	"form_token" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "comments_depth_range" CHECK ("comments"."depth" between 0 and 2),
	CONSTRAINT "comments_body_length" CHECK (char_length("comments"."body") between 10 and 5000),
	CONSTRAINT "comments_parent_depth" CHECK (("comments"."parent_id" is null) = ("comments"."depth" = 0))
);
--> statement-breakpoint
CREATE TABLE "endorsement_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "endorsement_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"consultation_id" uuid NOT NULL,
	"principle_id" uuid,
	"target_key" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"organisation_id" uuid,
	"action" "endorsement_action" NOT NULL,
	"statement" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "endorsement_events_target_key" CHECK ("endorsement_events"."target_key" = coalesce("endorsement_events"."principle_id"::text, 'consultation')),
	CONSTRAINT "endorsement_events_statement_length" CHECK ("endorsement_events"."statement" is null or char_length("endorsement_events"."statement") <= 500)
);
--> statement-breakpoint
CREATE TABLE "endorsements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "endorsements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"consultation_id" uuid NOT NULL,
	"principle_id" uuid,
	"target_key" text NOT NULL,
	"endorser_id" uuid NOT NULL,
	"organisation_id" uuid,
	"stakeholder_group" "stakeholder_group" NOT NULL,
	"statement" text,
	"endorsed_event_id" bigint NOT NULL,
	"endorsed_at" timestamp with time zone NOT NULL,
	"withdrawn_event_id" bigint,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	CONSTRAINT "endorsements_withdrawal_complete" CHECK (("endorsements"."withdrawn_at" is null) = ("endorsements"."withdrawn_event_id" is null))
);
--> statement-breakpoint
CREATE TABLE "rate_limit_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comment_versions" ADD CONSTRAINT "comment_versions_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_principle_id_principles_id_fk" FOREIGN KEY ("principle_id") REFERENCES "public"."principles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsement_events" ADD CONSTRAINT "endorsement_events_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsement_events" ADD CONSTRAINT "endorsement_events_principle_id_principles_id_fk" FOREIGN KEY ("principle_id") REFERENCES "public"."principles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsement_events" ADD CONSTRAINT "endorsement_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsement_events" ADD CONSTRAINT "endorsement_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_principle_id_principles_id_fk" FOREIGN KEY ("principle_id") REFERENCES "public"."principles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_endorser_id_users_id_fk" FOREIGN KEY ("endorser_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_endorsed_event_id_endorsement_events_id_fk" FOREIGN KEY ("endorsed_event_id") REFERENCES "public"."endorsement_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_withdrawn_event_id_endorsement_events_id_fk" FOREIGN KEY ("withdrawn_event_id") REFERENCES "public"."endorsement_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "comment_versions_comment_version_key" ON "comment_versions" USING btree ("comment_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "comments_form_token_key" ON "comments" USING btree ("form_token");--> statement-breakpoint
CREATE INDEX "comments_principle_idx" ON "comments" USING btree ("principle_id","id");--> statement-breakpoint
CREATE INDEX "comments_principle_replies_idx" ON "comments" USING btree ("principle_id","thread_reply_count","id");--> statement-breakpoint
CREATE INDEX "comments_root_idx" ON "comments" USING btree ("root_id");--> statement-breakpoint
CREATE INDEX "comments_author_idx" ON "comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "endorsement_events_target_idx" ON "endorsement_events" USING btree ("consultation_id","target_key","id");--> statement-breakpoint
CREATE UNIQUE INDEX "endorsements_active_person_key" ON "endorsements" USING btree ("consultation_id","target_key","endorser_id") WHERE "endorsements"."organisation_id" is null and "endorsements"."withdrawn_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "endorsements_active_organisation_key" ON "endorsements" USING btree ("consultation_id","target_key","organisation_id") WHERE "endorsements"."organisation_id" is not null and "endorsements"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "endorsements_registry_idx" ON "endorsements" USING btree ("consultation_id","endorsed_at");