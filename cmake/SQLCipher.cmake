# SQLiteCpp over SQLCipher, never over plain SQLite (docs/security.md, platform-notes).
#
# Debian's SQLiteCpp links `SQLite::SQLite3`, which FindSQLite3 resolves to plain libsqlite3 by default:
# then `PRAGMA key` is silently ignored and the case store is written in PLAINTEXT. Point FindSQLite3 at
# SQLCipher before SQLiteCpp looks for it, and refuse to configure if anything else was found. These are
# cache variables, so a build directory configured earlier without them would keep libsqlite3: they are
# forced here, and checked again after find_package.
find_package(PkgConfig REQUIRED)
pkg_check_modules(SQLCIPHER REQUIRED sqlcipher)
find_path(WAYMARK_SQLCIPHER_INCLUDE_DIR sqlite3.h PATHS ${SQLCIPHER_INCLUDE_DIRS} NO_DEFAULT_PATH REQUIRED)
find_library(WAYMARK_SQLCIPHER_LIBRARY NAMES sqlcipher HINTS ${SQLCIPHER_LIBRARY_DIRS} REQUIRED)

set(SQLite3_INCLUDE_DIR "${WAYMARK_SQLCIPHER_INCLUDE_DIR}" CACHE PATH "SQLCipher's sqlite3.h (forced)" FORCE)
set(SQLite3_LIBRARY "${WAYMARK_SQLCIPHER_LIBRARY}" CACHE FILEPATH "libsqlcipher (forced)" FORCE)
if(TARGET SQLite::SQLite3)
  message(FATAL_ERROR "SQLite::SQLite3 was defined before cmake/SQLCipher.cmake: include it before any "
                      "find_package(SQLite3) so that it can name libsqlcipher")
endif()
find_package(SQLiteCpp REQUIRED)

get_filename_component(_waymark_sqlite_name "${SQLite3_LIBRARY}" NAME)
get_target_property(_waymark_sqlite_loc SQLite::SQLite3 IMPORTED_LOCATION)
if(NOT _waymark_sqlite_name MATCHES "sqlcipher" OR NOT _waymark_sqlite_loc MATCHES "sqlcipher")
  message(FATAL_ERROR "SQLite3_LIBRARY is '${SQLite3_LIBRARY}' (target: '${_waymark_sqlite_loc}'), not "
                      "libsqlcipher: the case store would be written in plaintext. Delete CMakeCache.txt.")
endif()
message(STATUS "Case store engine: ${_waymark_sqlite_loc}")

# The static SQLiteCpp archive, for the one place that links it against plain SQLite on purpose: the
# side-by-side benchmark (tests/store). Nothing shipped links that target.
get_target_property(WAYMARK_SQLITECPP_ARCHIVE SQLiteCpp IMPORTED_LOCATION_NONE)
if(NOT WAYMARK_SQLITECPP_ARCHIVE)
  get_target_property(WAYMARK_SQLITECPP_ARCHIVE SQLiteCpp LOCATION)
endif()
