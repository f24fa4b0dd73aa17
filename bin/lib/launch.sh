# Shared by the launchers in bin/ (sourced, not run). A launcher resolves its own directory, sources
# this file and calls launch_java; this file builds the module's jar when it is missing or older than
# its sources, then replaces the shell with the JVM.

# The repository root: two levels above this file (bin/lib/launch.sh).
LAUNCH_ROOT=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# The newest <module>-*.jar in <module>/target, ignoring attached jars (sources, tests, javadoc).
launch_jar() {
    local module=$1 best="" f
    for f in "$LAUNCH_ROOT/$module/target/$module"-*.jar; do
        [ -f "$f" ] || continue
        case $f in
            *-sources.jar | *-test-sources.jar | *-tests.jar | *-javadoc.jar) continue ;;
        esac
        if [ -z "$best" ] || [ "$f" -nt "$best" ]; then
            best=$f
        fi
    done
    printf '%s' "$best"
}

# True when a pom or a main source of any watched module is newer than the jar.
launch_stale() {
    local jar=$1 module newer
    shift
    for module in "$@"; do
        newer=$(find "$LAUNCH_ROOT/pom.xml" "$LAUNCH_ROOT/$module/pom.xml" "$LAUNCH_ROOT/$module/src/main" \
            -newer "$jar" -print -quit 2>/dev/null)
        [ -n "$newer" ] && return 0
    done
    return 1
}

# launch_java NAME MODULE MAIN_CLASS [UPSTREAM_MODULE...] -- ARGS...
#   NAME       the launcher's name, used in its messages
#   MODULE     the Maven module whose jar holds MAIN_CLASS; its runtime libraries are in target/lib
#   UPSTREAM   modules MODULE depends on: a change in their sources also triggers a build
launch_java() {
    local name=$1 module=$2 main=$3
    shift 3
    local watched=("$module")
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        watched+=("$1")
        shift
    done
    [ $# -gt 0 ] && shift

    local jar
    jar=$(launch_jar "$module")
    if [ -z "$jar" ] || launch_stale "$jar" "${watched[@]}"; then
        if ! command -v mvn >/dev/null 2>&1; then
            echo "$name: Maven is needed to build the $module module (apt-get install maven)" >&2
            exit 1
        fi
        echo "$name: building $module module…" >&2
        local log
        log=$(mktemp "${TMPDIR:-/tmp}/$name-build.XXXXXX")
        if ! (cd "$LAUNCH_ROOT" && mvn -q -B -DskipTests -pl "$module" -am package) </dev/null >"$log" 2>&1; then
            cat "$log" >&2
            rm -f "$log"
            echo "$name: building the $module module failed" >&2
            exit 1
        fi
        rm -f "$log"
        jar=$(launch_jar "$module")
        if [ -z "$jar" ]; then
            echo "$name: the build produced no $module/target/$module-*.jar" >&2
            exit 1
        fi
        # Maven leaves an up-to-date jar untouched; mark it current so that an edit that changed
        # nothing compiled (a pom comment, say) does not trigger a build on every run.
        touch "$jar"
    fi

    local java=java
    if [ -n "${JAVA_HOME:-}" ]; then
        java=$JAVA_HOME/bin/java
    fi
    # split the options on blanks without expanding wildcards in them; by default a serial collector with
    # a small young generation: on a 2-core gateway it keeps handshake p99 in single-digit milliseconds
    # where the parallel collector's young pauses reached 35-62 ms (qsmp bench handshakes)
    local opts=()
    read -r -a opts <<<"${QSMP_JAVA_OPTS:--XX:+UseSerialGC -Xmn64m}"
    # RCS's fast Rijndael rounds use the incubating Vector API; the JVM then prints one line,
    # "WARNING: Using incubator modules: jdk.incubator.vector", at start. QSMP_VECTOR_ROUNDS=off leaves it out
    # (the table rounds are used), as does a runtime image built without the module.
    if [ "${QSMP_VECTOR_ROUNDS:-on}" != off ] && launch_has_vector_module "$java"; then
        opts=(--add-modules=jdk.incubator.vector ${opts[@]+"${opts[@]}"})
    fi
    exec "$java" ${opts[@]+"${opts[@]}"} -cp "$jar:$LAUNCH_ROOT/$module/target/lib/*" "$main" "$@"
}

# True when the runtime image of this java binary contains jdk.incubator.vector (its release file lists
# the image's modules; asking "java --list-modules" would cost a JVM start on every launch).
launch_has_vector_module() {
    local bin release
    bin=$(command -v "$1") || return 1
    release=$(dirname "$(dirname "$(readlink -f "$bin")")")/release
    [ -f "$release" ] && grep -q 'jdk\.incubator\.vector' "$release"
}
