using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compila.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "job_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    challenge_ids = table.Column<string>(type: "TEXT", nullable: false),
                    challenge_slugs = table.Column<string>(type: "TEXT", nullable: false),
                    opens_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closes_at = table.Column<long>(type: "INTEGER", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    candidate_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    claimed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_assessments", x => x.id);
                    table.CheckConstraint("ck_job_assessments_window", "opens_at < closes_at");
                    table.ForeignKey(
                        name: "fk_job_assessments_company_profiles_company_id",
                        column: x => x.company_id,
                        principalTable: "company_profiles",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "job_assessment_passes",
                columns: table => new
                {
                    assessment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    challenge_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    passed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    signature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    key_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_assessment_passes", x => new { x.assessment_id, x.challenge_id });
                    table.ForeignKey(
                        name: "fk_job_assessment_passes_job_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "job_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_job_assessments_candidate_id",
                table: "job_assessments",
                column: "candidate_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_assessments_company_id_created_at",
                table: "job_assessments",
                columns: new[] { "company_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_job_assessments_token_hash",
                table: "job_assessments",
                column: "token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_assessment_passes");

            migrationBuilder.DropTable(
                name: "job_assessments");
        }
    }
}
