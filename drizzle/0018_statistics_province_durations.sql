CREATE TABLE "case_durations_province_monthly" (
	"month" date NOT NULL,
	"measure" smallint NOT NULL,
	"days" integer NOT NULL,
	"cases" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_durations_province_monthly_month_measure_days_pk" PRIMARY KEY("month","measure","days")
);
