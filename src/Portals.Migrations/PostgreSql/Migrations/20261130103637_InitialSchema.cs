using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portals.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiClients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    SecretHash = table.Column<string>(type: "text", nullable: false),
                    Roles = table.Column<string>(type: "text", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiClients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Subject = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChangeLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "text", nullable: false),
                    ContentType = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContentItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentItemVersionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DisplayText = table.Column<string>(type: "text", nullable: true),
                    DisplayTextFolded = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Latest = table.Column<bool>(type: "boolean", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    Path = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Owner = table.Column<string>(type: "text", nullable: true),
                    Author = table.Column<string>(type: "text", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ModifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Key = table.Column<string>(type: "text", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserName = table.Column<string>(type: "text", nullable: false),
                    NormalizedUserName = table.Column<string>(type: "text", nullable: false),
                    Email = table.Column<string>(type: "text", nullable: true),
                    PasswordHash = table.Column<string>(type: "text", nullable: false),
                    Roles = table.Column<string>(type: "text", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    SecurityStamp = table.Column<string>(type: "text", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false),
                    LockoutEndUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContentTerms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemRecordId = table.Column<long>(type: "bigint", nullable: false),
                    Field = table.Column<string>(type: "text", nullable: false),
                    TermContentItemId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentTerms_ContentItems_ContentItemRecordId",
                        column: x => x.ContentItemRecordId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiClients_ClientId",
                table: "ApiClients",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_Action_CreatedUtc",
                table: "AuditLog",
                columns: new[] { "Action", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_CreatedUtc",
                table: "AuditLog",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_UserName_CreatedUtc",
                table: "AuditLog",
                columns: new[] { "UserName", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeLog_ContentItemId",
                table: "ChangeLog",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ContentItemId",
                table: "ContentItems",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ContentItemVersionId",
                table: "ContentItems",
                column: "ContentItemVersionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ContentType_Published_PublishedUtc",
                table: "ContentItems",
                columns: new[] { "ContentType", "Published", "PublishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_Latest",
                table: "ContentItems",
                column: "ContentItemId",
                unique: true,
                filter: "\"Latest\"");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_Path",
                table: "ContentItems",
                column: "Path");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_PublishAtUtc",
                table: "ContentItems",
                column: "PublishAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_Published",
                table: "ContentItems",
                columns: new[] { "ContentItemId", "Published" },
                unique: true,
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_Published_PublishedUtc",
                table: "ContentItems",
                columns: new[] { "Published", "PublishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentTerms_ContentItemRecordId",
                table: "ContentTerms",
                column: "ContentItemRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentTerms_TermContentItemId_ContentItemRecordId",
                table: "ContentTerms",
                columns: new[] { "TermContentItemId", "ContentItemRecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_NormalizedUserName",
                table: "Users",
                column: "NormalizedUserName",
                unique: true);

            // The audit log is append-only in the database itself: not even a future code path or a recipe can rewrite it.
            migrationBuilder.Sql("""
                CREATE FUNCTION "AuditLog_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'The audit log is append-only.'; END $$;
                CREATE TRIGGER "AuditLog_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "AuditLog"
                FOR EACH ROW EXECUTE FUNCTION "AuditLog_AppendOnly"();
                CREATE TRIGGER "AuditLog_NoTruncate" BEFORE TRUNCATE ON "AuditLog"
                FOR EACH STATEMENT EXECUTE FUNCTION "AuditLog_AppendOnly"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiClients");

            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "ChangeLog");

            migrationBuilder.DropTable(
                name: "ContentTerms");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "ContentItems");

            migrationBuilder.Sql("""DROP FUNCTION "AuditLog_AppendOnly"();""");
        }
    }
}
