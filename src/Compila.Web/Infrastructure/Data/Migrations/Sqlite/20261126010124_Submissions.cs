using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compila.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Submissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "submissions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    challenge_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    files = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false, defaultValue: "pending"),
                    test_results = table.Column<string>(type: "TEXT", nullable: true),
                    score = table.Column<int>(type: "INTEGER", nullable: true),
                    xp_gained = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    ai_feedback = table.Column<string>(type: "TEXT", nullable: true),
                    ai_tokens_used = table.Column<int>(type: "INTEGER", nullable: true),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    execution_time_ms = table.Column<int>(type: "INTEGER", nullable: true),
                    attempt_number = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 1),
                    judged_at = table.Column<long>(type: "INTEGER", nullable: true),
                    error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_submissions", x => x.id);
                    table.CheckConstraint("ck_submissions_score", "score BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_submissions_status", "status IN ('pending', 'passed', 'failed', 'partial')");
                    table.ForeignKey(
                        name: "fk_submissions_challenges_challenge_id",
                        column: x => x.challenge_id,
                        principalTable: "challenges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_submissions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "judge_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    available_at = table.Column<long>(type: "INTEGER", nullable: false),
                    lease_until = table.Column<long>(type: "INTEGER", nullable: true),
                    leased_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_judge_jobs", x => x.id);
                    table.CheckConstraint("ck_judge_jobs_state", "state IN ('queued', 'leased', 'done', 'dead')");
                    table.ForeignKey(
                        name: "fk_judge_jobs_submissions_submission_id",
                        column: x => x.submission_id,
                        principalTable: "submissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "submission_events",
                columns: table => new
                {
                    submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_submission_events", x => new { x.submission_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_submission_events_submissions_submission_id",
                        column: x => x.submission_id,
                        principalTable: "submissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_judge_jobs_state_available_at",
                table: "judge_jobs",
                columns: new[] { "state", "available_at" });

            migrationBuilder.CreateIndex(
                name: "ix_judge_jobs_submission_id",
                table: "judge_jobs",
                column: "submission_id");

            migrationBuilder.CreateIndex(
                name: "idx_submissions_challenge",
                table: "submissions",
                column: "challenge_id");

            migrationBuilder.CreateIndex(
                name: "idx_submissions_created",
                table: "submissions",
                column: "submitted_at",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "idx_submissions_status",
                table: "submissions",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "idx_submissions_user",
                table: "submissions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_submissions_user_id_challenge_id_attempt_number",
                table: "submissions",
                columns: new[] { "user_id", "challenge_id", "attempt_number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "judge_jobs");

            migrationBuilder.DropTable(
                name: "submission_events");

            migrationBuilder.DropTable(
                name: "submissions");
        }
    }
}
