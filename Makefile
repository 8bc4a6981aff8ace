# Coordena — a thin wrapper over meson; the README documents each target.
#   make run          install what is missing, build, open the app on the default database
#                     (as the calling user: sudo only installs packages), coordena-cli in ~/.local/bin
#   make deb          the Debian 12 package coordena_VERSION_ARCH.deb, its files checked, lintian
#   make test         the same with warnings as errors, then every test suite under Xvfb, with a
#                     throwaway PostgreSQL server for the postgresql suite
#   make screenshots  PNGs of every page and dialog into build/screenshots/
#   make bench        the benchmarks, printing their figures
#   make valgrind     memcheck over evaluate, import roster, import cnes, oficio generate, notificacao
#   make fuzz         each libFuzzer target (clang) for FUZZ_SECONDS, findings into tests/fuzz/regressions/
#   make clean        remove the build directories

BUILD   ?= build
PREFIX  := $(CURDIR)/$(BUILD)/prefix
MESON_SETUP = meson setup $(BUILD) --prefix=$(PREFIX) -Dwarnings_as_errors=$(WERROR)
# One value for run, test, screenshots and valgrind: a different one reconfigures the build
# directory and recompiles the whole tree each time one target follows another.
WERROR  ?= true
# Wide enough for the 1366×768 screenshots.
XVFB    := xvfb-run -a -s "-screen 0 1920x1080x24"

.PHONY: all deps configure build run not-under-sudo test test-asan deb screenshots bench valgrind fuzz clean

# The sanitizer build: the core and cli suites again, with AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer; any report stops the program and fails its test.
ASAN_BUILD  ?= build-asan
ASAN_SUITES := core cli
ASAN_ENV := \
	ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/build-aux/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	G_SLICE=always-malloc

# libFuzzer targets: a separate build directory compiled with clang.
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := roster-csv cnes-csv ruleset offer oficio-layout png
FUZZ_ENV := \
	ASAN_OPTIONS=abort_on_error=1:detect_leaks=0 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	G_SLICE=always-malloc

all: build

deps:
	@./build-aux/install-deps.sh

configure: deps
	@if [ -f $(BUILD)/build.ninja ]; then \
		meson configure $(BUILD) --prefix=$(PREFIX) -Dwarnings_as_errors=$(WERROR) >/dev/null; \
	else \
		$(MESON_SETUP); \
	fi

build: configure
	meson compile -C $(BUILD)

# Under sudo the window would run as root, with its database and settings under /root.
not-under-sudo:
	@if [ "$$(id -u)" -eq 0 ] && [ -n "$${SUDO_USER:-}" ] && [ "$$SUDO_USER" != root ]; then \
		echo "make run abriria a janela como root, com o banco de dados em /root." >&2; \
		echo "Rode sem sudo, com o seu usuário: make run (o sudo é pedido só para instalar pacotes)." >&2; \
		exit 1; \
	fi

CLI_LINK := $(HOME)/.local/bin/coordena-cli

run: not-under-sudo build
	meson install -C $(BUILD) --quiet
	@# coordena-cli from any folder: a link in ~/.local/bin, which Debian puts on PATH at login.
	@if [ ! -e "$(CLI_LINK)" ] || [ -L "$(CLI_LINK)" ]; then \
		mkdir -p "$(dir $(CLI_LINK))" && ln -sfn "$(PREFIX)/bin/coordena-cli" "$(CLI_LINK)"; \
		case ":$$PATH:" in *":$(HOME)/.local/bin:"*) ;; \
		*) echo "coordena-cli está em ~/.local/bin: abra um novo terminal para usá-lo (ou use $(PREFIX)/bin/coordena-cli)." ;; \
		esac; \
	else \
		echo "$(CLI_LINK) já existe e não é um link: não foi substituído; use $(PREFIX)/bin/coordena-cli."; \
	fi
	GSETTINGS_SCHEMA_DIR=$(PREFIX)/share/glib-2.0/schemas \
	XDG_DATA_DIRS=$(PREFIX)/share:$${XDG_DATA_DIRS:-/usr/local/share:/usr/share} \
	$(PREFIX)/bin/coordena

# Both builds' suites run against one throwaway PostgreSQL server (tests/pg-cluster.sh: a private
# folder, a Unix socket, COORDENA_TEST_POSTGRESQL), stopped and removed afterwards, also on failure.
test: WERROR = true
test: build
	@rm -rf $(BUILD)/tests/xdg-data $(BUILD)/tests/xdg-config $(BUILD)/tests/xdg-cache \
		$(ASAN_BUILD)/tests/xdg-data $(ASAN_BUILD)/tests/xdg-config $(ASAN_BUILD)/tests/xdg-cache
	@./tests/pg-cluster.sh run sh -c '\
	status=0; \
	$(XVFB) meson test -C $(BUILD) --print-errorlogs || status=1; \
	$(MAKE) --no-print-directory test-asan || status=1; \
	exit $$status'

test-asan: deps
	@if [ ! -f $(ASAN_BUILD)/build.ninja ]; then \
		meson setup $(ASAN_BUILD) --prefix=$(CURDIR)/$(ASAN_BUILD)/prefix \
			-Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized; \
	fi
	ninja -C $(ASAN_BUILD) build.ninja >/dev/null
	ninja -C $(ASAN_BUILD) $$(./build-aux/suite-targets.py $(ASAN_BUILD) $(ASAN_SUITES))
	$(ASAN_ENV) meson test -C $(ASAN_BUILD) --no-rebuild --print-errorlogs --timeout-multiplier 3 \
		$(addprefix --suite ,$(ASAN_SUITES))

# The Debian 12 package, built from a clean copy of the tree; build-aux/make-deb.sh checks its
# files (build-aux/check-deb.sh) and runs lintian.
deb: deps
	./build-aux/make-deb.sh

screenshots: build
	rm -rf $(BUILD)/screenshots
	$(XVFB) meson test -C $(BUILD) --print-errorlogs --suite ui
	@echo "Capturas em $(BUILD)/screenshots/:"; ls $(BUILD)/screenshots

bench: WERROR = false
bench: configure
	meson configure $(BUILD) -Dbuildtype=release >/dev/null
	meson compile -C $(BUILD)
	$(XVFB) meson test -C $(BUILD) --benchmark --verbose

valgrind: WERROR = true
valgrind: build
	./build-aux/valgrind.sh $(BUILD)

fuzz: deps
	@if [ ! -f $(FUZZ_BUILD)/build.ninja ]; then \
		CC=clang meson setup $(FUZZ_BUILD) -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
			-Dc_args=-fsanitize=fuzzer-no-link; \
	fi
	ninja -C $(FUZZ_BUILD) $(addprefix tests/fuzz/fuzz-,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_BUILD)/corpus/$$t tests/fuzz/regressions/$$t; \
		echo "== $$t ($(FUZZ_SECONDS) s)"; \
		$(FUZZ_ENV) nice -n 19 $(FUZZ_BUILD)/tests/fuzz/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) \
			-print_final_stats=1 -artifact_prefix=tests/fuzz/regressions/$$t/ \
			-dict=tests/fuzz/$$t.dict $(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t || exit 1; \
	done

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) build-deb
