CREATE TYPE "public"."cosign_state" AS ENUM('pending', 'confirmed', 'declined');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('decision', 'reply', 'citation', 'consultation_opened', 'consultation_closing');--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"decision" boolean DEFAULT true NOT NULL,
	"reply" boolean DEFAULT true NOT NULL,
	"citation" boolean DEFAULT true NOT NULL,
	"consultation" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "password_resets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "password_resets_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "comment_cosigners" (
	"comment_id" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"state" "cosign_state" DEFAULT 'pending' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "comment_cosigners_comment_id_organisation_id_pk" PRIMARY KEY("comment_id","organisation_id"),
	CONSTRAINT "comment_cosigners_decided" CHECK (("comment_cosigners"."state" = 'pending') = ("comment_cosigners"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "consultation_announcements" (
	"consultation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"announced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_announcements_consultation_id_kind_pk" PRIMARY KEY("consultation_id","kind")
);
--> statement-breakpoint
CREATE TABLE "grievances" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "grievances_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"message" text NOT NULL,
	"language" "language" NOT NULL,
	"form_token" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution" text,
	CONSTRAINT "grievances_form_token_key" UNIQUE("form_token"),
	CONSTRAINT "grievances_message_length" CHECK (char_length("grievances"."message") between 10 and 5000)
);
--> statement-breakpoint
CREATE TABLE "privacy_consents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "privacy_consents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" uuid NOT NULL,
	"notice_version" text NOT NULL,
	"adult_declared" boolean NOT NULL,
	"consented_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "privacy_consents_adult" CHECK ("privacy_consents"."adult_declared")
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_name_not_blank";--> statement-breakpoint
DROP INDEX "outbound_emails_unsent_idx";--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "decision_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "email_confirmations" ADD COLUMN "purpose" text DEFAULT 'confirm' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "unsubscribe_url" text;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "normalised_body" text GENERATED ALWAYS AS (btrim(regexp_replace(lower(body), '[[:space:][:punct:]]+', ' ', 'g'))) STORED;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "campaign_lead_id" integer;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "campaign_split_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "campaign_split_by" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "kind" "notification_kind" DEFAULT 'decision' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "comment_id" integer;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "summary_version_id" integer;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "consultation_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_cosigners" ADD CONSTRAINT "comment_cosigners_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_cosigners" ADD CONSTRAINT "comment_cosigners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_cosigners" ADD CONSTRAINT "comment_cosigners_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_announcements" ADD CONSTRAINT "consultation_announcements_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grievances" ADD CONSTRAINT "grievances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grievances" ADD CONSTRAINT "grievances_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_consents" ADD CONSTRAINT "privacy_consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "password_resets_user_idx" ON "password_resets" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "comment_cosigners_organisation_idx" ON "comment_cosigners" USING btree ("organisation_id","state");--> statement-breakpoint
CREATE INDEX "grievances_open_idx" ON "grievances" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "privacy_consents_user_idx" ON "privacy_consents" USING btree ("user_id","consented_at");--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_campaign_lead_id_comments_id_fk" FOREIGN KEY ("campaign_lead_id") REFERENCES "public"."comments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_campaign_split_by_users_id_fk" FOREIGN KEY ("campaign_split_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_summary_version_id_summary_versions_id_fk" FOREIGN KEY ("summary_version_id") REFERENCES "public"."summary_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbound_emails_due_idx" ON "outbound_emails" USING btree ("next_attempt_at") WHERE "outbound_emails"."sent_at" is null and "outbound_emails"."failed_at" is null;--> statement-breakpoint
CREATE INDEX "outbound_emails_user_idx" ON "outbound_emails" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "comments_normalised_trgm_idx" ON "comments" USING gin ("normalised_body" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "comments_campaign_lead_idx" ON "comments" USING btree ("campaign_lead_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("user_id","dedupe_key") WHERE "notifications"."dedupe_key" is not null;--> statement-breakpoint
ALTER TABLE "email_confirmations" ADD CONSTRAINT "email_confirmations_purpose" CHECK ("email_confirmations"."purpose" in ('confirm', 'change'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_name_not_blank" CHECK ("users"."erased_at" is not null or length(trim("users"."name")) > 0);