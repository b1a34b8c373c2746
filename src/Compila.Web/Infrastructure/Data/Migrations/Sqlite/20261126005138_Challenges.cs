using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compila.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Challenges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "challenges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    short_description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    stack = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    difficulty = table.Column<int>(type: "INTEGER", nullable: false),
                    technologies = table.Column<string>(type: "TEXT", nullable: false),
                    tags = table.Column<string>(type: "TEXT", nullable: false),
                    requirements = table.Column<string>(type: "TEXT", nullable: true),
                    starter_code = table.Column<string>(type: "TEXT", nullable: true),
                    solution_code = table.Column<string>(type: "TEXT", nullable: true),
                    xp_reward = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 100),
                    estimated_time_minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    badges = table.Column<string>(type: "TEXT", nullable: false),
                    completed_count = table.Column<int>(type: "INTEGER", nullable: false),
                    attempted_count = table.Column<int>(type: "INTEGER", nullable: false),
                    success_rate = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    examples = table.Column<string>(type: "TEXT", nullable: true),
                    languages = table.Column<string>(type: "TEXT", nullable: false),
                    search_text = table.Column<string>(type: "TEXT", nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_challenges", x => x.id);
                    table.CheckConstraint("ck_challenges_difficulty", "difficulty BETWEEN 1 AND 5");
                    table.CheckConstraint("ck_challenges_level", "level IN ('beginner', 'junior', 'mid', 'senior', 'expert')");
                    table.CheckConstraint("ck_challenges_stack", "stack IN ('frontend', 'backend', 'mobile', 'devops', 'iot', 'data')");
                    table.ForeignKey(
                        name: "fk_challenges_users_created_by",
                        column: x => x.created_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "idx_challenges_level",
                table: "challenges",
                column: "level");

            migrationBuilder.CreateIndex(
                name: "idx_challenges_slug",
                table: "challenges",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "idx_challenges_stack",
                table: "challenges",
                column: "stack");

            migrationBuilder.CreateIndex(
                name: "idx_challenges_tags",
                table: "challenges",
                column: "tags");

            migrationBuilder.CreateIndex(
                name: "idx_challenges_technologies",
                table: "challenges",
                column: "technologies");

            migrationBuilder.CreateIndex(
                name: "ix_challenges_created_by",
                table: "challenges",
                column: "created_by");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "challenges");
        }
    }
}
