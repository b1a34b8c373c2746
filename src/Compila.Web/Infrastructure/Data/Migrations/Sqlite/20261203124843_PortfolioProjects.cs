using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compila.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PortfolioProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "portfolio_projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    short_description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    long_description = table.Column<string>(type: "TEXT", nullable: true),
                    long_description_html = table.Column<string>(type: "TEXT", nullable: true),
                    stack = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    technologies = table.Column<string>(type: "TEXT", nullable: false),
                    demo_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    repo_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    thumbnail_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    images = table.Column<string>(type: "TEXT", nullable: false),
                    challenge_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    submission_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    show_code = table.Column<bool>(type: "INTEGER", nullable: false),
                    featured = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    display_order = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    views = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    likes = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolio_projects", x => x.id);
                    table.CheckConstraint("ck_portfolio_projects_stack", "stack IN ('frontend', 'backend', 'mobile', 'devops', 'iot', 'data')");
                });

            migrationBuilder.CreateTable(
                name: "portfolio_project_likes",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolio_project_likes", x => new { x.project_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_portfolio_project_likes_portfolio_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "portfolio_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "portfolio_project_views",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    viewer_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolio_project_views", x => new { x.project_id, x.viewer_key, x.day });
                    table.ForeignKey(
                        name: "fk_portfolio_project_views_portfolio_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "portfolio_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "portfolio_verifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    project_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    challenge_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    challenge_slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    tests_passed = table.Column<int>(type: "INTEGER", nullable: false),
                    tests_total = table.Column<int>(type: "INTEGER", nullable: false),
                    passed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    signature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    key_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    code = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolio_verifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_portfolio_verifications_portfolio_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "portfolio_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "idx_portfolio_featured",
                table: "portfolio_projects",
                columns: new[] { "user_id", "featured" });

            migrationBuilder.CreateIndex(
                name: "idx_portfolio_slug",
                table: "portfolio_projects",
                column: "slug");

            migrationBuilder.CreateIndex(
                name: "idx_portfolio_user",
                table: "portfolio_projects",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_portfolio_projects_user_id_slug",
                table: "portfolio_projects",
                columns: new[] { "user_id", "slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_portfolio_projects_user_id_submission_id",
                table: "portfolio_projects",
                columns: new[] { "user_id", "submission_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_portfolio_verifications_project_id",
                table: "portfolio_verifications",
                column: "project_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "portfolio_project_likes");

            migrationBuilder.DropTable(
                name: "portfolio_project_views");

            migrationBuilder.DropTable(
                name: "portfolio_verifications");

            migrationBuilder.DropTable(
                name: "portfolio_projects");
        }
    }
}
