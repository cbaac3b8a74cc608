# Alliance Timeline. Two commands set everything up on Debian/Ubuntu:
#   make run    build and open the app on the built-in corpus
#   make test   every check CI runs
# Both install missing system packages themselves (apt-get; sudo when not root).

GO          ?= go
BIN         := build/alliance-timeline
MODULE      := $(shell $(GO) list -m 2>/dev/null)
GOBIN       := $(shell $(GO) env GOPATH)/bin
STATICCHECK := $(GOBIN)/staticcheck
STATICCHECK_VERSION := v0.8.2
FYNE        := $(GOBIN)/fyne
FYNE_VERSION := v2.7.1

.PHONY: all run build test check fmt vet lint unit race smoke e2e fuzz bench memory startup deps deps-test deps-package tools package package-linux package-windows package-check clean

all: build

## run: build the app and open it on the built-in corpus
run: build
	./$(BIN)

## build: build the GUI binary into build/
build: deps
	$(GO) build -o $(BIN) .

## test: formatting, vet, staticcheck, unit and widget tests (headless and
## with -race), the GUI build, and the real binary in a real window under
## Xvfb: a smoke test and the end-to-end walk (screenshots in build/e2e/)
test: deps-test tools fmt vet lint unit race build smoke e2e fuzz

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt: not formatted:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	@# The packages without the window build for the other platforms the
	@# app is packaged for; a file for Linux alone must have its pair.
	GOOS=windows $(GO) vet ./data/... ./cli/... ./atomicfile/... ./gen/...
	GOOS=darwin $(GO) vet ./data/... ./atomicfile/... ./gen/...

lint: tools
	$(STATICCHECK) ./...

## unit: every package but main without cgo, as the widget tests promise
unit:
	CGO_ENABLED=0 $(GO) test $$($(GO) list ./... | grep -v -x '$(MODULE)')

race:
	$(GO) test -race ./...

smoke: build
	scripts/smoke-window.sh $(BIN)

## e2e: drive the real binary with xdotool: keyboard, chart click, search,
## export, a broken corpus, quit
e2e: build deps-test
	scripts/e2e.sh $(BIN)

## fuzz: each fuzz target for its budget below, a few seconds each (make
## test runs this), or for FUZZTIME (make fuzz FUZZTIME=5000000x). A crash is
## saved under the package's testdata/fuzz and becomes a regression test.
## Budgets are execution counts, not durations: Go 1.26's coordinator can
## fail a duration run at its deadline with "context deadline exceeded" and
## no crasher (golang/go#75804); a count has no deadline to race.
FUZZTIME ?=
FUZZ_TARGETS := data/load:FuzzLoad:40000x data/load:FuzzFastPiece:100000x data/load:FuzzAnnotationFile:30000x data/textmatch:FuzzAnchor:60000x data:FuzzParseDate:60000x data/cache:FuzzCacheEntry:100000x data/edit:FuzzAddRemove:50000x data/load:FuzzDecodeBounds:100000x data/safetext:FuzzSafeText:200000x charts:FuzzRender:500x export:FuzzExportLabels:300x data/importdoc:FuzzExtract:40000x data/textmatch:FuzzTerm:100000x data/suggest:FuzzSuggest:60000x data/suggest:FuzzTheSweepAgreesWithTheWalk:30000x data/wording:FuzzKeyness:40000x data/wording:FuzzParsePart:60000x data/refiqda:FuzzImportProject:60000x data/webanno:FuzzRead:40000x
fuzz:
	@for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; rest=$${t#*:}; name=$${rest%%:*}; budget=$${rest#*:}; \
	  if [ -n "$(FUZZTIME)" ]; then budget="$(FUZZTIME)"; fi; \
	  echo "fuzz: $$name for $$budget"; \
	  $(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime "$$budget" ./$$pkg || exit 1; \
	done

## bench: the benchmarks of BENCHMARKS.md, each beside its baseline and
## target: the Go benchmarks, then start-up and memory in a real window
## (the scale benchmarks generate build/bench-corpus-100k the first time)
bench: build deps-test
	@mkdir -p build
	$(GO) test -run '^$$' -bench . -benchmem -count 6 ./timeline ./charts | tee build/bench.txt
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x -count 4 ./data ./data/importdoc | tee -a build/bench.txt
	CGO_ENABLED=0 $(GO) test -run '^$$' -bench . -benchmem -benchtime 10x -count 5 ./app | tee -a build/bench.txt
	scripts/build-hello.sh build/hello
	@echo; scripts/bench-summary.sh build/bench.txt
	@scripts/bench-window.sh $(BIN) build/hello build/bench-corpus-100k/corpus.yaml

## memory: peak and resident size of the app on the 100k corpus (cache off,
## storing, reopening) against a minimal Fyne window, under Xvfb
memory: build deps-test
	@test -f build/bench-corpus-100k/corpus.yaml || $(BIN) gen --out build/bench-corpus-100k --seed 1
	scripts/build-hello.sh build/hello
	scripts/memory.sh $(BIN) build/hello build/bench-corpus-100k/corpus.yaml

## package: release packages into dist/ (Linux .tar.xz, Windows .zip)
package: package-linux package-windows

package-linux: deps-package $(FYNE)
	scripts/package.sh linux

package-windows: deps-package $(FYNE)
	scripts/package.sh windows

## package-check: check what make package built, and install it for real
package-check: deps-package deps-test
	scripts/package-check.sh

$(FYNE):
	$(GO) install fyne.io/fyne/v2/cmd/fyne@$(FYNE_VERSION)

## startup: launch-to-window and launch-to-corpus times against a minimal
## Fyne window, under Xvfb
startup: build deps-test
	scripts/build-hello.sh build/hello
	scripts/startup-time.sh build/hello 7 window-only
	scripts/startup-time.sh $(BIN) 7

deps:
	@scripts/install-deps.sh build

deps-package:
	@scripts/install-deps.sh package

deps-test:
	@scripts/install-deps.sh test

tools:
	@test -x $(STATICCHECK) || $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

clean:
	rm -rf build dist
