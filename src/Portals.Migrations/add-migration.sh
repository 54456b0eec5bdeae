#!/usr/bin/env bash
# Adds one EF Core migration, with the same name, for every database provider, from the host's composed model
# (core tables + every module's IModelContributor). Run it after changing the model, then review and commit
# src/Portals.Migrations/{Sqlite,PostgreSql}/Migrations/*.
#   src/Portals.Migrations/add-migration.sh AddMediaTables
set -euo pipefail
cd "$(dirname "$0")/../.."
name=${1:?usage: src/Portals.Migrations/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
dotnet build src/Portals.Web -nologo -v q
for provider in Sqlite PostgreSql; do
  dotnet ef migrations add "$name" --no-build \
    --project "src/Portals.Migrations/$provider" --startup-project src/Portals.Web \
    --output-dir Migrations -- --provider "$provider"
done
