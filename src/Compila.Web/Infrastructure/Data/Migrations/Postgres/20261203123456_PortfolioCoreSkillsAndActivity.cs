using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compila.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PortfolioCoreSkillsAndActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "portfolio_activity_days",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    judged = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolio_activity_days", x => new { x.user_id, x.day });
                    table.CheckConstraint("ck_portfolio_activity_days_judged_positive", "judged > 0");
                });

            migrationBuilder.CreateTable(
                name: "portfolio_verified_challenges",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    challenge_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    challenge_slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    stack = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    passed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolio_verified_challenges", x => new { x.user_id, x.challenge_id, x.language });
                    table.CheckConstraint("ck_portfolio_verified_challenges_level", "level IN ('beginner', 'junior', 'mid', 'senior', 'expert')");
                    table.CheckConstraint("ck_portfolio_verified_challenges_stack", "stack IN ('frontend', 'backend', 'mobile', 'devops', 'iot', 'data')");
                });

            migrationBuilder.CreateTable(
                name: "portfolio_verified_technologies",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    challenge_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    technology = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolio_verified_technologies", x => new { x.user_id, x.challenge_id, x.language, x.technology });
                    table.CheckConstraint("ck_portfolio_verified_technologies_level", "level IN ('beginner', 'junior', 'mid', 'senior', 'expert')");
                    table.ForeignKey(
                        name: "fk_portfolio_verified_technologies_portfolio_verified_challeng",
                        columns: x => new { x.user_id, x.challenge_id, x.language },
                        principalTable: "portfolio_verified_challenges",
                        principalColumns: new[] { "user_id", "challenge_id", "language" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "idx_portfolio_verified_challenges_language_level",
                table: "portfolio_verified_challenges",
                columns: new[] { "language", "level" });

            migrationBuilder.CreateIndex(
                name: "idx_portfolio_verified_challenges_stack_level",
                table: "portfolio_verified_challenges",
                columns: new[] { "stack", "level" });

            migrationBuilder.CreateIndex(
                name: "idx_portfolio_verified_technologies_technology_level",
                table: "portfolio_verified_technologies",
                columns: new[] { "technology", "level" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "portfolio_activity_days");

            migrationBuilder.DropTable(
                name: "portfolio_verified_technologies");

            migrationBuilder.DropTable(
                name: "portfolio_verified_challenges");
        }
    }
}
