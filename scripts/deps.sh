#!/usr/bin/env bash
# Which files of src/ refer to which, and the circles among them ("no circle between files").
#
# Usage: scripts/deps.sh            every circle; exit 1 if there is one, 0 if none
#        scripts/deps.sh --edges    every edge "A -> B", one a line (exit 0)
#
# The rule:
# - An edge A -> B: file A names an item through a path that leads into the module of file B:
#   `crate::a::b::Item`, `super::x`, `self::x`, or `child::x` where A declares `mod child;`
#   (in `use` lines and inline in code alike; `use` groups `{..}` are followed). The path is
#   resolved to the longest module prefix that has a file: src/a/b.rs or src/a/b/mod.rs, and
#   src/lib.rs for the crate root (so `crate::Error` is an edge to src/lib.rs, which re-exports
#   it). `socklab::` is read as `crate::`. Inline modules (`mod tests { use super::*; }`) count
#   as their file: their `super::` is the file itself, no edge.
# - `mod x;` alone is NOT an edge: declaring a submodule is the tree's shape. A parent that uses
#   its child's items (`pub use x::Item`, `x::f()`) is an edge like any other, and so is a child
#   that uses its parent's (`super::Item`): both at once are a circle.
# - Comments (doc links too), string and character literals are left out. Test code counts.
# - A circle is every group of files that each reach the others (a strongly connected
#   component): two files that refer to each other are printed as "A <-> B"; a longer circle
#   as "circle of N files: A B C ..." (its pairs, if any, are printed too).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=circles
case "${1:-}" in
  --edges) mode=edges ;;
  "") ;;
  *)
    echo "usage: $0 [--edges]" >&2
    exit 2
    ;;
esac

mapfile -t files < <(find src -name '*.rs' | LC_ALL=C sort)

edges() {
  LC_ALL=C awk '
    # The module path of a file: src/a/b.rs and src/a/b/mod.rs are "a::b"; lib.rs and main.rs "".
    function module_of(f,    m) {
      m = f
      sub(/^src\//, "", m)
      sub(/\.rs$/, "", m)
      sub(/\/mod$/, "", m)
      if (m == "lib" || m == "main") return ""
      gsub(/\//, "::", m)
      return m
    }
    function parent(m) {
      if (m !~ /::/) return ""
      sub(/::[^:]*$/, "", m)
      return m
    }
    function join(a, b) { return a == "" ? b : a "::" b }
    BEGIN {
      for (k = 1; k < ARGC; k++) file_of[module_of(ARGV[k])] = ARGV[k]
      file_of[""] = "src/lib.rs"
    }
    # The file that defines module path m, or the closest module above it that has one.
    function resolve(m) {
      while (!(m in file_of)) m = parent(m)
      return file_of[m]
    }
    function emit(m,    to) {
      to = resolve(m)
      if (to != FILE) print FILE " -> " to
    }
    # Follows a path from tok[i] on, below module `at`; returns the index after it.
    function walk(i, at,    t, k) {
      while (i <= n) {
        t = tok[i]
        if (t == "{") {
          i++
          while (i <= n && tok[i] != "}") {
            if (tok[i] == ",") i++
            else if (tok[i] == "as") i += 2
            else if ((k = walk(i, at)) > i) i = k
            else i++
          }
          return i + 1
        }
        if (t == "*") { emit(at); return i + 1 }
        if (t == "super") at = parent(at)
        else if (t == "crate" || t == "socklab") at = ""
        else if (t == "self") at = at
        else if (t ~ /^[A-Za-z_][A-Za-z0-9_]*$/) at = join(at, t)
        else { emit(at); return i }
        if (tok[i + 1] != "::") { emit(at); return i + 1 }
        i += 2
      }
      emit(at)
      return i
    }
    # Turns one line into tokens, without comments and literals (state kept across lines).
    function tokens(line,    out, i, c, d, j, h, len, k, parts, m) {
      out = ""
      len = length(line)
      i = 1
      while (i <= len) {
        c = substr(line, i, 1)
        d = substr(line, i, 2)
        if (state == "block") {
          if (d == "*/") { if (--depth == 0) state = "code"; i += 2 }
          else if (d == "/*") { depth++; i += 2 }
          else i++
        } else if (state == "str") {
          if (c == "\\") i += 2
          else { if (c == "\"") state = "code"; i++ }
        } else if (state == "raw") {
          if (c == "\"" && substr(line, i + 1, hashes) == closing) { state = "code"; i += 1 + hashes }
          else i++
        } else if (d == "//") {
          break
        } else if (d == "/*") {
          state = "block"; depth = 1; i += 2
        } else if (c == "\"") {
          state = "str"; out = out " "; i++
        } else if ((c == "r" || d == "br") && substr(line, i - 1, 1) !~ /[A-Za-z0-9_]/ && \
                   match(substr(line, i), /^b?r#*"/)) {
          hashes = RLENGTH - (c == "b" ? 3 : 2)
          closing = ""
          for (h = 0; h < hashes; h++) closing = closing "#"
          state = "raw"; out = out " "; i += RLENGTH
        } else if (c == "\047") {
          if (substr(line, i + 1, 1) == "\\") {
            j = i + 3
            while (j <= len && substr(line, j, 1) != "\047") j++
            i = j + 1
          } else if (substr(line, i + 2, 1) == "\047") i += 3
          else i++
          out = out " "
        } else {
          out = out c; i++
        }
      }
      gsub(/::/, "\034", out)
      gsub(/[^A-Za-z0-9_\034 \t]/, " & ", out)
      gsub(/\034/, " :: ", out)
      m = split(out, parts, /[ \t]+/)
      for (k = 1; k <= m; k++) if (parts[k] != "") tok[++n] = parts[k]
    }
    function finish(    i, t, prev, top, here, mods, stack, floor, sp, level) {
      if (FILE == "") return
      top = module_of(FILE)
      # The children this file declares (`mod x;`): bare `x::` paths lead into them.
      for (i = 1; i + 2 <= n; i++)
        if (tok[i] == "mod" && tok[i + 2] == ";") mods[tok[i + 1]] = 1
      here = top; sp = 0; level = 0
      for (i = 1; i <= n; i++) {
        t = tok[i]
        prev = i > 1 ? tok[i - 1] : ""
        if (t == "{") { level++; continue }
        if (t == "}") {
          level--
          if (sp > 0 && level < floor[sp]) { sp--; here = parent(here) }
          continue
        }
        if (t == "mod" && tok[i + 2] == "{") {
          here = join(here, tok[i + 1]); stack[++sp] = tok[i + 1]; floor[sp] = level + 1
          continue
        }
        if (prev == "::" || prev == "." || tok[i + 1] != "::") continue
        if (t == "crate" || t == "socklab") i = walk(i, here) - 1
        else if (t == "self" || t == "super") i = walk(i, here) - 1
        else if (t in mods) i = walk(i, top) - 1
      }
      n = 0
    }
    FNR == 1 { finish(); FILE = FILENAME; state = "code" }
    { tokens($0) }
    END { finish() }
  ' "${files[@]}" | LC_ALL=C sort -u
}

if [ "$mode" = edges ]; then
  edges
  exit 0
fi

edges | LC_ALL=C awk '
  # Tarjan: every group of files that each reach the others.
  function strong(v,    next_of, k, m, w, group, size) {
    index_of[v] = low[v] = ++count
    stack[++sp] = v
    on[v] = 1
    m = split(out[v], next_of, " ")
    for (k = 1; k <= m; k++) {
      w = next_of[k]
      if (!(w in index_of)) {
        strong(w)
        if (low[w] < low[v]) low[v] = low[w]
      } else if (on[w] && index_of[w] < low[v]) low[v] = index_of[w]
    }
    if (low[v] != index_of[v]) return
    group = ""; size = 0
    do { w = stack[sp--]; on[w] = 0; group = group " " w; size++ } while (w != v)
    if (size > 2) longer[++longers] = "circle of " size " files:" group
    if (size > 1) circles++
  }
  { out[$1] = out[$1] " " $3; node[$1] = 1; node[$3] = 1; edge[$1 " " $3] = 1 }
  END {
    for (e in edge) {
      split(e, ab, " ")
      if (ab[1] < ab[2] && ((ab[2] " " ab[1]) in edge)) pairs[++npairs] = ab[1] " <-> " ab[2]
    }
    for (v in node) if (!(v in index_of)) strong(v)
    for (k = 1; k <= npairs; k++) print pairs[k] | "LC_ALL=C sort"
    close("LC_ALL=C sort")
    for (k = 1; k <= longers; k++) print longer[k]
    if (circles == 0) print "no circle between files"
    exit (circles > 0 ? 1 : 0)
  }
'
