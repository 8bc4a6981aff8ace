#!/bin/sh
# make run and make test must configure the build directory alike: with different options each
# reconfigures it and the whole tree compiles again every time one follows the other.
# Usage: check-make-flags.sh SOURCE_ROOT
set -eu
cd "$1"
flags () {
    make -n "$1" BUILD=build-flags-check 2>/dev/null | grep -o -- '-Dwarnings_as_errors=[a-z]*' | sort -u
}
for target in run screenshots valgrind; do
    a=$(flags "$target")
    b=$(flags test)
    if [ -z "$a" ] || [ "$a" != "$b" ]; then
        echo "make $target configura com “$a”, make test com “$b”: um recompila tudo depois do outro"
        exit 1
    fi
done
echo "make run, screenshots, valgrind e test: $(flags test)"
