CREATE TYPE "public"."off_platform_channel" AS ENUM('post', 'email', 'meeting');--> statement-breakpoint
CREATE TABLE "off_platform_submissions" (
	"comment_id" integer PRIMARY KEY NOT NULL,
	"submitter_name" text NOT NULL,
	"channel" "off_platform_channel" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"entered_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_feedback" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "site_feedback_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text,
	"email" text,
	"user_id" uuid,
	"message" text NOT NULL,
	"page_path" text,
	"language" "language" NOT NULL,
	"form_token" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_feedback_form_token_key" UNIQUE("form_token"),
	CONSTRAINT "site_feedback_message_length" CHECK (char_length("site_feedback"."message") between 10 and 5000)
);
--> statement-breakpoint
ALTER TABLE "comments" ALTER COLUMN "author_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "moderation_decisions" ALTER COLUMN "subject_user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "owner_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "languages" "language"[] DEFAULT '{en,hi}'::language[] NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "hindi_pending_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "counter_closes_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "summary_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "reference_prefix" text DEFAULT 'SV' NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "principles" ADD COLUMN "explainer" text;--> statement-breakpoint
ALTER TABLE "principles" ADD COLUMN "explainer_hi" text;--> statement-breakpoint
ALTER TABLE "principles" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "off_platform" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "name_shown" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "off_platform_submissions" ADD CONSTRAINT "off_platform_submissions_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "off_platform_submissions" ADD CONSTRAINT "off_platform_submissions_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_feedback" ADD CONSTRAINT "site_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_counter_after_comments" CHECK ("consultations"."counter_closes_at" is null or "consultations"."counter_closes_at" > "consultations"."closes_at");--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_reference_prefix" CHECK ("consultations"."reference_prefix" ~ '^[A-Z]{2,6}$');--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_languages_english" CHECK ("consultations"."languages" @> array['en']::language[]);--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_or_off_platform" CHECK (("comments"."author_id" is null) = "comments"."off_platform");--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_organisation_named" CHECK ("comments"."organisation_id" is null or "comments"."name_shown");