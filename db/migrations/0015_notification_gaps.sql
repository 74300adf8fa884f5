ALTER TYPE "public"."notification_kind" ADD VALUE 'cosign_request';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'grievance';--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD COLUMN "cosign" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "grievance_id" integer;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_grievance_id_grievances_id_fk" FOREIGN KEY ("grievance_id") REFERENCES "public"."grievances"("id") ON DELETE cascade ON UPDATE no action;