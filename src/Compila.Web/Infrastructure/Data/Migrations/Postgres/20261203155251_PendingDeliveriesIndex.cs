using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compila.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PendingDeliveriesIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_event_deliveries_pending",
                table: "event_deliveries",
                column: "event_id",
                filter: "handled_at IS NULL AND dead_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_event_deliveries_pending",
                table: "event_deliveries");
        }
    }
}
