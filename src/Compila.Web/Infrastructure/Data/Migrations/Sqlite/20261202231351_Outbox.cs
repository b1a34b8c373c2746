using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compila.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    /// <summary>
    /// Published events: the outbox and each handler's deliveries; the challenges' own learner counts. The old
    /// gamification_events table goes: nothing read it, and the badges and levels it reported remain in user_badges
    /// and users.
    /// </summary>
    public partial class Outbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gamification_events");

            migrationBuilder.CreateTable(
                name: "challenge_learners",
                columns: table => new
                {
                    challenge_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    passed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_challenge_learners", x => new { x.challenge_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_challenge_learners_challenges_challenge_id",
                        column: x => x.challenge_id,
                        principalTable: "challenges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outbox_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    trace_parent = table.Column<string>(type: "TEXT", maxLength: 55, nullable: true),
                    dispatched_at = table.Column<long>(type: "INTEGER", nullable: true),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "event_deliveries",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    handler = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: true),
                    handled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    dead_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_deliveries", x => new { x.event_id, x.handler });
                    table.ForeignKey(
                        name: "fk_event_deliveries_outbox_event_event_id",
                        column: x => x.event_id,
                        principalTable: "outbox_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The challenges' counters are recounted from this table from now on: seed it from the judged history.
            migrationBuilder.Sql(
                "INSERT INTO challenge_learners (challenge_id, user_id, passed) " +
                "SELECT challenge_id, user_id, MAX(CASE WHEN status = 'passed' THEN 1 ELSE 0 END) FROM submissions " +
                "WHERE status <> 'pending' GROUP BY challenge_id, user_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_deliveries_dead_at",
                table: "event_deliveries",
                column: "dead_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_events_dispatched_at_occurred_at",
                table: "outbox_events",
                columns: new[] { "dispatched_at", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_events_type_occurred_at",
                table: "outbox_events",
                columns: new[] { "type", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "challenge_learners");

            migrationBuilder.DropTable(
                name: "event_deliveries");

            migrationBuilder.DropTable(
                name: "outbox_events");

            migrationBuilder.CreateTable(
                name: "gamification_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gamification_events", x => x.id);
                    table.CheckConstraint("ck_gamification_events_type", "type IN ('level_up', 'badge')");
                    table.ForeignKey(
                        name: "fk_gamification_events_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_gamification_events_user_id_created_at",
                table: "gamification_events",
                columns: new[] { "user_id", "created_at" });
        }
    }
}
