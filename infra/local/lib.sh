#!/usr/bin/env bash
# Sourced by Lantern's scripts. Needs nothing but bash and a JDK.

lantern_java_major() { # prints the major version of the java binary given
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

# Makes JAVA_HOME point to a JDK 21 or newer: keeps a JAVA_HOME that already qualifies, otherwise
# looks at `java` on the PATH and under /usr/lib/jvm.
lantern_select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
                   $(ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* 2>/dev/null | sort -rV); do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(lantern_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "Lantern needs a JDK 21 or newer: install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it." >&2
  return 1
}

# Succeeds when GET http://127.0.0.1:PORT/PATH answers 200 (bash's /dev/tcp: no curl needed).
lantern_http_ok() {
  local port=$1 path=$2 status
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost:%s\r\nConnection: close\r\n\r\n' "$path" "$port" >&3
  read -r -t 10 _ status _ <&3 || status=
  exec 3>&- 3<&-
  [ "$status" = 200 ]
}
