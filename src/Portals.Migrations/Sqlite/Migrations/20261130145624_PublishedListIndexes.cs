using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portals.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublishedListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written with IF [NOT] EXISTS (the same SQL on SQLite and PostgreSQL): a database baselined from
            // before migrations may already have or lack any of these indexes.
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_ContentItems_Published_PublishedUtc\";");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_ContentItems_PublishedByDate\" ON \"ContentItems\" (\"PublishedUtc\", \"Id\") WHERE \"Published\";");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_ContentItems_PublishedByModified\" ON \"ContentItems\" (\"ContentType\", \"ModifiedUtc\", \"Id\") WHERE \"Published\";");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_ContentItems_PublishedByTitle\" ON \"ContentItems\" (\"ContentType\", \"DisplayTextFolded\", \"Id\") WHERE \"Published\";");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_ContentItems_PublishedByType\" ON \"ContentItems\" (\"ContentType\", \"PublishedUtc\", \"Id\") WHERE \"Published\";");
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
