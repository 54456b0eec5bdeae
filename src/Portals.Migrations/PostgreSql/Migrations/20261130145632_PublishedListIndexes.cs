using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portals.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PublishedListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_Published_PublishedUtc",
                table: "ContentItems");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_PublishedByDate",
                table: "ContentItems",
                columns: new[] { "PublishedUtc", "Id" },
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_PublishedByModified",
                table: "ContentItems",
                columns: new[] { "ContentType", "ModifiedUtc", "Id" },
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_PublishedByTitle",
                table: "ContentItems",
                columns: new[] { "ContentType", "DisplayTextFolded", "Id" },
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_PublishedByType",
                table: "ContentItems",
                columns: new[] { "ContentType", "PublishedUtc", "Id" },
                filter: "\"Published\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_PublishedByDate",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_PublishedByModified",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_PublishedByTitle",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_PublishedByType",
                table: "ContentItems");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_Published_PublishedUtc",
                table: "ContentItems",
                columns: new[] { "Published", "PublishedUtc" });
        }
    }
}
