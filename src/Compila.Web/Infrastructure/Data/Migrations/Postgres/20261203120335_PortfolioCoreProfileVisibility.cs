using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compila.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PortfolioCoreProfileVisibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "profile_sections",
                table: "users",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{\"badges\":true,\"heatmap\":true,\"skills\":true,\"projects\":true}'");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "profile_share_token_created_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "profile_share_token_hash",
                table: "users",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "profile_visibility",
                table: "users",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "public");

            migrationBuilder.AddCheckConstraint(
                name: "ck_users_profile_visibility",
                table: "users",
                sql: "profile_visibility IN ('public', 'private', 'link')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_users_profile_visibility",
                table: "users");

            migrationBuilder.DropColumn(
                name: "profile_sections",
                table: "users");

            migrationBuilder.DropColumn(
                name: "profile_share_token_created_at",
                table: "users");

            migrationBuilder.DropColumn(
                name: "profile_share_token_hash",
                table: "users");

            migrationBuilder.DropColumn(
                name: "profile_visibility",
                table: "users");
        }
    }
}
