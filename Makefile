# slackops — every entry point a user or CI needs. A fresh machine needs only Node.js (>= 20) and make:
# pnpm is installed into .tools/ on first use.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PNPM_VERSION := 10.34.8
PNPM := .tools/node_modules/.bin/pnpm
TF_DIR := terraform
# turbo runs package scripts through pnpm: it must find it on PATH.
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(PATH)
TF ?= terraform

.PHONY: help install build typecheck test demo dev bench fmt lint plan deploy destroy validate clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(PNPM):
	@npm install --silent --no-audit --no-fund --prefix .tools pnpm@$(PNPM_VERSION) >/dev/null

node_modules/.modules.yaml: $(PNPM) package.json pnpm-lock.yaml $(wildcard packages/*/package.json) terraform/tests/package.json bench/package.json
	@$(PNPM) install --frozen-lockfile --reporter=append-only
	@touch $@

install: node_modules/.modules.yaml ## Install every dependency (pnpm bootstrapped into .tools/)

build: install ## Bundle every Lambda to packages/<pkg>/dist/<function>.zip and print the size table
	@$(PNPM) run build

typecheck: install ## TypeScript strict checks in every package
	@$(PNPM) exec turbo run typecheck --output-logs=errors-only

lint: install ## Biome lint and format check
	@$(PNPM) exec biome check .

test: install ## Lint, typecheck and run every test (what CI runs)
	@$(PNPM) exec biome check .
	@mkdir -p .turbo
	@$(PNPM) exec turbo run typecheck test --output-logs=new-only --concurrency=2 > .turbo/test.log 2>&1; status=$$?; \
	  grep -E ':test: (Tests|Test Suites):' .turbo/test.log; \
	  if [ $$status -ne 0 ]; then grep -vE '^\S+:(test|typecheck): *$$' .turbo/test.log | grep -E 'error|✕|●|Expected|Received|ERR' | head -80; \
	    echo "make test: failed (full log: .turbo/test.log)"; exit 1; fi
	@bash terraform/tests/fmt-check.sh
	@$(PNPM) run build >/dev/null
	@node scripts/test-summary.mjs .turbo/test.log
	@echo "make test: lint, typecheck, tests and build passed"

demo: install ## Run the scripted tour of the suite against the local sandbox
	@$(PNPM) --silent slackops demo

dev: install ## Serve the Slack gateway and the stand-ins on 127.0.0.1
	@$(PNPM) --silent slackops dev

bench: install ## Benchmarks, side by side with their baselines
	@$(PNPM) --filter @slackops/bench run bench

fmt: install ## Format every file
	@$(PNPM) exec biome format --write .
	@if command -v $(TF) >/dev/null; then $(TF) fmt -recursive $(TF_DIR); fi

validate: install ## After a deploy: a test notification through every path, and whether it arrived (LOCAL=1: against the sandbox)
	@$(PNPM) exec tsx packages/cost-alerts/scripts/validate.ts $(if $(LOCAL),--local,)

define need_terraform
	@command -v $(TF) >/dev/null || { echo "terraform is not installed: get it from https://developer.hashicorp.com/terraform/install (>= 1.6), then run this again."; exit 1; }
	@test -f $(TF_DIR)/terraform.tfvars || { echo "Create $(TF_DIR)/terraform.tfvars first: cp terraform.tfvars.example $(TF_DIR)/terraform.tfvars and edit it."; exit 1; }
endef

plan: build ## terraform plan with terraform/terraform.tfvars
	$(need_terraform)
	cd $(TF_DIR) && $(TF) init -input=false && $(TF) plan -input=false

deploy: build ## Build, then terraform apply
	$(need_terraform)
	cd $(TF_DIR) && $(TF) init -input=false && $(TF) apply -input=false
	@echo "Next: paste 'terraform -chdir=$(TF_DIR) output -raw slack_app_manifest' into https://api.slack.com/apps (Create New App > From a manifest)."

destroy: ## terraform destroy (asks for confirmation)
	$(need_terraform)
	@read -r -p "Destroy every slackops resource in this account? Type 'destroy' to go on: " answer; [ "$$answer" = destroy ] || { echo "Nothing destroyed."; exit 1; }
	cd $(TF_DIR) && $(TF) destroy -input=false

clean: ## Remove build output and installed dependencies
	rm -rf node_modules packages/*/node_modules packages/*/dist terraform/tests/node_modules bench/node_modules .turbo .tools
