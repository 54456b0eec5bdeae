using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portals.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReviewSubmission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedForReviewUtc",
                table: "ContentItems",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SubmittedForReviewUtc",
                table: "ContentItems");
        }
    }
}
