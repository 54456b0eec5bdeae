using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portals.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class UniqueLatestPath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_LatestPath",
                table: "ContentItems",
                column: "Path",
                unique: true,
                filter: "\"Latest\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_LatestPath",
                table: "ContentItems");
        }
    }
}
