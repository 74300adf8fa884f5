CREATE TABLE "principle_comment_counts" (
	"principle_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"stakeholder_group" "stakeholder_group" NOT NULL,
	"stance" "stance" NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "principle_comment_counts_principle_id_stakeholder_group_stance_pk" PRIMARY KEY("principle_id","stakeholder_group","stance"),
	CONSTRAINT "principle_comment_counts_not_negative" CHECK ("principle_comment_counts"."n" >= 0)
);
--> statement-breakpoint
ALTER TABLE "principle_comment_counts" ADD CONSTRAINT "principle_comment_counts_principle_id_principles_id_fk" FOREIGN KEY ("principle_id") REFERENCES "public"."principles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "principle_comment_counts" ADD CONSTRAINT "principle_comment_counts_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "principle_comment_counts_consultation_idx" ON "principle_comment_counts" USING btree ("consultation_id");