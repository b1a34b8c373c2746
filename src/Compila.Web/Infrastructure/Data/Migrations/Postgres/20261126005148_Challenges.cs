using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compila.Web.Infrastructure.Data.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    short_description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    description = table.Column<string>(type: "text", nullable: false),
                    stack = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    difficulty = table.Column<int>(type: "integer", nullable: false),
                    technologies = table.Column<List<string>>(type: "text[]", nullable: false),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    requirements = table.Column<string>(type: "jsonb", nullable: true),
                    starter_code = table.Column<string>(type: "jsonb", nullable: true),
                    solution_code = table.Column<string>(type: "jsonb", nullable: true),
                    xp_reward = table.Column<int>(type: "integer", nullable: false, defaultValue: 100),
                    estimated_time_minutes = table.Column<int>(type: "integer", nullable: true),
                    badges = table.Column<List<string>>(type: "text[]", nullable: false),
                    completed_count = table.Column<int>(type: "integer", nullable: false),
                    attempted_count = table.Column<int>(type: "integer", nullable: false),
                    success_rate = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    examples = table.Column<string>(type: "jsonb", nullable: true),
                    languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    search_text = table.Column<string>(type: "text", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "idx_challenges_technologies",
                table: "challenges",
                column: "technologies")
                .Annotation("Npgsql:IndexMethod", "gin");

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
