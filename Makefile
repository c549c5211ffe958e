# gvaudit: one flat Makefile. `make V=1` shows the commands, `make SAN=1`
# builds with AddressSanitizer + UndefinedBehaviorSanitizer into build-san/.

VERSION  := 0.1.0
PREFIX   ?= /usr/local
DATADIR  ?= $(PREFIX)/share/gvaudit
CC       ?= cc
PKGS     := sqlite3 zlib libutf8proc libxxhash

ifeq ($(SAN),1)
B        := build-san
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
OPT      ?= -O1 -g
else
B        := build
SANFLAGS :=
OPT      ?= -O2 -g
endif

WARN     := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wwrite-strings -Wformat=2 -Wvla
CPPFLAGS += -D_GNU_SOURCE -I. -I$(B) -DGV_VERSION='"$(VERSION)"' -DGV_DATADIR='"$(DATADIR)"'
CFLAGS   ?= $(OPT)
CFLAGS   += $(WARN) $(SANFLAGS) -MMD -MP $(shell pkg-config --cflags $(PKGS))
LDFLAGS  += $(SANFLAGS)
LDLIBS   := $(shell pkg-config --libs $(PKGS)) -lcsv -lpthread -lm
TEST_LIBS := $(shell pkg-config --libs criterion 2>/dev/null || echo -lcriterion)

ifneq ($(V),1)
Q := @
msg = @printf '  %-6s %s\n' $(1) $(2);
else
Q :=
msg =
endif

# Every stage folder is a library of its own modules; cli/ is the thin main.
LIB_SRC  := $(sort $(wildcard common/*.c ingest/*.c analyze/*.c report/*.c))
CLI_SRC  := $(sort $(wildcard cli/*.c))
SQL      := $(sort $(wildcard schemas/[0-9]*.sql))
LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o) $(B)/schema_sql.o
CLI_OBJ  := $(CLI_SRC:%.c=$(B)/%.o)
TEST_SRC := $(sort $(wildcard tests/test_*.c))
TESTS    := $(TEST_SRC:tests/%.c=$(B)/tests/%)
TOOL_SRC := $(sort $(wildcard tests/tools/*.c))
TOOLS    := $(TOOL_SRC:tests/tools/%.c=$(B)/tools/%)
PRELOAD_SRC := $(sort $(wildcard tests/tools/preload/*.c))
PRELOADS := $(PRELOAD_SRC:tests/tools/preload/%.c=$(B)/tools/%.so)
BIN      := $(B)/gvaudit

.PHONY: all deps demo check unit e2e browser san-check eval bench fuzz install uninstall clean tools FORCE
all: $(BIN) $(TOOLS) $(PRELOADS)

$(B)/%.o: %.c
	$(call msg,CC,$<)
	$(Q)mkdir -p $(@D) && $(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# The list of migrations, rewritten only when a file is added, renamed or
# removed: a deleted schema has no timestamp to make schema_sql.c stale.
FORCE:
$(B)/schema_sql.list: FORCE
	$(Q)mkdir -p $(@D) && echo '$(SQL)' | cmp -s - $@ || echo '$(SQL)' > $@

$(B)/schema_sql.c: scripts/embed-sql.sh $(SQL) $(B)/schema_sql.list
	$(call msg,GEN,$@)
	$(Q)mkdir -p $(@D) && scripts/embed-sql.sh $(SQL) > $@.tmp && mv $@.tmp $@

$(B)/schema_sql.o: $(B)/schema_sql.c
	$(call msg,CC,$<)
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/libgvaudit.a: $(LIB_OBJ)
	$(call msg,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(B)/libgvaudit.a
	$(call msg,LINK,$@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libgvaudit.a $(LDLIBS)

$(B)/tests/%: tests/%.c $(B)/libgvaudit.a
	$(call msg,TEST,$@)
	$(Q)mkdir -p $(@D) && $(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(B)/libgvaudit.a $(LDFLAGS) $(LDLIBS) $(TEST_LIBS)

$(B)/tools/%: tests/tools/%.c $(B)/libgvaudit.a
	$(call msg,TOOL,$@)
	$(Q)mkdir -p $(@D) && $(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(B)/libgvaudit.a $(LDFLAGS) $(LDLIBS)

# LD_PRELOAD shims for the fault suites: plain -O2, never sanitized.
$(B)/tools/%.so: tests/tools/preload/%.c
	$(call msg,SO,$@)
	$(Q)mkdir -p $(@D) && $(CC) -std=c11 -O2 -Wall -Wextra -shared -fPIC -o $@ $< -ldl

deps:
	@scripts/deps.sh build

# README's first command: install what is missing, build, run the pipeline
# on the bundled fixtures, say where the reports are.
demo:
	@scripts/deps.sh demo
	@$(MAKE) --no-print-directory all
	@scripts/demo.sh $(BIN)

# Everything CI runs: unit tests, end-to-end tests, the browser test, the
# sanitizer build, the benchmark smoke test. Prints "N passed, N failed" last.
check:
	@scripts/deps.sh check
	@$(MAKE) --no-print-directory all $(TESTS)
	@$(MAKE) --no-print-directory SAN=1 all $(subst build/,build-san/,$(TESTS))
	@tests/run.sh

unit: all $(TESTS)
	@tests/run.sh unit

e2e: all
	@tests/run.sh e2e

eval: all
	@tests/eval.sh $(BIN)

bench:
	@scripts/deps.sh bench
	@$(MAKE) --no-print-directory all
	@tests/bench/run.sh

fuzz:
	@scripts/deps.sh fuzz
	@tests/fuzz/run.sh

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/gvaudit
	install -m 644 schemas/*.csv schemas/*.sql schemas/*.md $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/gvaudit
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-san

-include $(wildcard $(B)/*/*.d $(B)/*.d)
