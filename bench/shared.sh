# Sourced by the benchmark scripts (run from the repository root): what each of them would otherwise repeat.

# wrk from Debian's archive, installed when missing.
need_wrk() { command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }; }

# Release builds of the given projects, quietly (a failed build still stops the script under set -e).
build_release() { for project in "$@"; do dotnet build -c Release -nologo -v q "$project" >/dev/null; done; }

# Resident memory of a process, split: anonymous (its heap) and file pages (the memory-mapped index, page cache).
memory_of() { awk '/^(VmRSS|RssAnon|RssFile)/ {printf "%s %d MiB; ", $1, $2/1024}' "/proc/$1/status"; }
