using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compila.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FeaturedApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "featured",
                table: "job_applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "featured",
                table: "job_applications");
        }
    }
}
