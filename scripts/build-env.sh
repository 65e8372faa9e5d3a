# Sourced by the build scripts: compiles through ccache when it is installed, with paths made
# relative to the checkout so that a second clone of the same commit hits the same cache entries.
if [ -z "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ] && command -v ccache >/dev/null; then
  export CMAKE_CXX_COMPILER_LAUNCHER=ccache CMAKE_C_COMPILER_LAUNCHER=ccache
fi
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
# Debug info names the build folder; without this every clone would miss the cache.
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
