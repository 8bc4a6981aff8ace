# Coordena — a thin wrapper over meson; the README documents each target.
#   make run          install what is missing, build, open the app on the default database
#   make test         the same with warnings as errors, then every test suite under Xvfb
#   make screenshots  PNGs of every page and dialog into build/screenshots/
#   make bench        the benchmarks, printing their figures
#   make clean        remove the build directories

BUILD   ?= build
PREFIX  := $(CURDIR)/$(BUILD)/prefix
MESON_SETUP = meson setup $(BUILD) --prefix=$(PREFIX) -Dwarnings_as_errors=$(WERROR)
WERROR  ?= false
XVFB    := xvfb-run -a -s "-screen 0 1280x1024x24"

.PHONY: all deps configure build run test screenshots bench clean

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

run: build
	meson install -C $(BUILD) --quiet
	GSETTINGS_SCHEMA_DIR=$(PREFIX)/share/glib-2.0/schemas \
	XDG_DATA_DIRS=$(PREFIX)/share:$${XDG_DATA_DIRS:-/usr/local/share:/usr/share} \
	$(PREFIX)/bin/coordena

test: WERROR = true
test: build
	$(XVFB) meson test -C $(BUILD) --print-errorlogs

screenshots: build
	rm -rf $(BUILD)/screenshots
	$(XVFB) meson test -C $(BUILD) --print-errorlogs --suite ui
	@echo "Capturas em $(BUILD)/screenshots/:"; ls $(BUILD)/screenshots

bench: WERROR = false
bench: configure
	meson configure $(BUILD) -Dbuildtype=release >/dev/null
	meson compile -C $(BUILD)
	$(XVFB) meson test -C $(BUILD) --benchmark --verbose

clean:
	rm -rf $(BUILD)
