#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for babyshop-sync-jdbc's tests: listens on 127.0.0.1 only, trust auth, a fresh
# data directory under ${BABYSHOP_PG_DIR:-${TMPDIR:-/tmp}/babyshop-pg}, database "babyshop", user "babyshop".
#
#   source .ci/postgres.sh      starts it, exports BABYSHOP_PG_URL / _USER / _PASSWORD (and prints the
#                               export lines), defines babyshop_pg_stop (what .ci/run traps on exit)
#   eval "$(.ci/postgres.sh)"   the same from another shell (only the export lines go to stdout)
#   .ci/postgres.sh stop        stops it and removes its directory
#
# Idempotent: a server left in that directory by an earlier run is stopped and the directory wiped first.
# The port is BABYSHOP_PG_PORT (default 55432), or the next free one. PostgreSQL refuses to run as root, so
# under root (CI) it runs as the OS user babyshop-pg, created if missing. When the binaries are missing,
# "apt-get install postgresql" provides them (and the cluster Debian creates on install is dropped again).
# Nothing outlives the run but that OS user and, until babyshop_pg_stop, the directory: no service, no
# cluster registration, fsync off.

_bpg_dir="${BABYSHOP_PG_DIR:-${TMPDIR:-/tmp}/babyshop-pg}"
_bpg_os_user="babyshop-pg"
_bpg_db_user="babyshop"
_bpg_db="babyshop"

_bpg_log() {
    echo "postgres.sh: $*" >&2
}

# The directory holding initdb, pg_ctl and postgres (PostgreSQL 15 preferred).
_bpg_bindir() {
    local candidate
    for candidate in /usr/lib/postgresql/15/bin "$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/pg_ctl)")")" \
            /usr/local/bin; do
        if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
            echo "$candidate"
            return 0
        fi
    done
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

_bpg_install() {
    _bpg_log "PostgreSQL binaries not found: installing the postgresql package"
    local before
    before="$(ls -d /etc/postgresql/*/* 2>/dev/null || true)"
    apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2 || return 1
    # Debian creates and starts a "main" cluster on install: drop what the install created
    if command -v pg_lsclusters >/dev/null 2>&1; then
        local version name
        while read -r version name _; do
            if [ -n "$version" ] && ! grep -qx "/etc/postgresql/$version/$name" <<<"$before"; then
                pg_dropcluster --stop "$version" "$name" >&2 || true
            fi
        done < <(pg_lsclusters --no-header 2>/dev/null || true)
    fi
}

# Runs a command as the server's OS user (as is, when not root), in the server's directory.
_bpg_run() {
    if [ "$(id -u)" = 0 ]; then
        (cd "$_bpg_dir" && runuser -u "$_bpg_os_user" -- "$@")
    else
        (cd "$_bpg_dir" && "$@")
    fi
}

_bpg_port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Stops a server running from the directory (if any) and removes the directory.
babyshop_pg_stop() {
    local bindir
    if [ -f "$_bpg_dir/data/postmaster.pid" ] && bindir="$(_bpg_bindir)"; then
        _bpg_run "$bindir/pg_ctl" -D "$_bpg_dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
            || _bpg_run "$bindir/pg_ctl" -D "$_bpg_dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    if [ -f "$_bpg_dir/data/postmaster.pid" ]; then
        # pg_ctl could not stop it (e.g. binaries gone): end exactly the postmaster it recorded
        local pid
        pid="$(head -n 1 "$_bpg_dir/data/postmaster.pid" 2>/dev/null || true)"
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill -QUIT "$pid" 2>/dev/null || true
            sleep 1
        fi
    fi
    rm -rf "$_bpg_dir"
    return 0
}

babyshop_pg_start() {
    local bindir port version
    if ! bindir="$(_bpg_bindir)"; then
        _bpg_install || { _bpg_log "cannot install PostgreSQL"; return 1; }
        bindir="$(_bpg_bindir)" || { _bpg_log "no PostgreSQL binaries after installing"; return 1; }
    fi
    version="$("$bindir/pg_ctl" --version 2>/dev/null || true)"
    case "$version" in
        *" 15."*) ;;
        *) _bpg_log "warning: expected PostgreSQL 15, found: $version" ;;
    esac

    if [ "$(id -u)" = 0 ] && ! id -u "$_bpg_os_user" >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$_bpg_os_user" \
            || { _bpg_log "cannot create the OS user $_bpg_os_user"; return 1; }
    fi

    # an earlier run's server and data go first
    babyshop_pg_stop

    port="${BABYSHOP_PG_PORT:-55432}"
    local tries=0
    while _bpg_port_in_use "$port"; do
        tries=$((tries + 1))
        if [ "$tries" -ge 50 ]; then
            _bpg_log "no free port from ${BABYSHOP_PG_PORT:-55432} on"
            return 1
        fi
        port=$((port + 1))
    done

    mkdir -p "$_bpg_dir" || return 1
    chmod 700 "$_bpg_dir"
    if [ "$(id -u)" = 0 ]; then
        chown "$_bpg_os_user" "$_bpg_dir" || return 1
    fi
    if ! _bpg_run "$bindir/initdb" -D "$_bpg_dir/data" -U "$_bpg_db_user" --auth=trust --encoding=UTF8 \
            --locale=C --no-sync >"$_bpg_dir/initdb.log" 2>&1; then
        _bpg_log "initdb failed:"
        cat "$_bpg_dir/initdb.log" >&2
        return 1
    fi
    if ! _bpg_run "$bindir/pg_ctl" -D "$_bpg_dir/data" -l "$_bpg_dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$_bpg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            start >/dev/null; then
        _bpg_log "the server did not start:"
        cat "$_bpg_dir/server.log" >&2
        return 1
    fi
    if ! _bpg_run "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$_bpg_db_user" "$_bpg_db" >&2; then
        _bpg_log "cannot create the database $_bpg_db"
        return 1
    fi

    export BABYSHOP_PG_URL="jdbc:postgresql://127.0.0.1:$port/$_bpg_db"
    export BABYSHOP_PG_USER="$_bpg_db_user"
    export BABYSHOP_PG_PASSWORD=""
    _bpg_log "PostgreSQL ($version) on 127.0.0.1:$port, data in $_bpg_dir/data"
    echo "export BABYSHOP_PG_URL=$BABYSHOP_PG_URL"
    echo "export BABYSHOP_PG_USER=$BABYSHOP_PG_USER"
    echo "export BABYSHOP_PG_PASSWORD="
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    # executed: start (default) or stop, then exit
    set -euo pipefail
    case "${1:-start}" in
        start) babyshop_pg_start ;;
        stop) babyshop_pg_stop ;;
        *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
    esac
else
    # sourced: start, leaving the exports and babyshop_pg_stop in the caller's shell
    babyshop_pg_start || return 1
fi
